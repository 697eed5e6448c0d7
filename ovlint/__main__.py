"""The `ovlint` command's entry (`ovlint`, `python -m ovlint`)."""
import sys


def main() -> None:
    from ovlint.app import early_worker

    early_worker.start_if_useful(sys.argv[1:])  # first: the worker gets on with its imports
    from ovlint.engine import dataclass_code

    dataclass_code.install()  # before the imports that make dataclasses: LibCST's nodes, ovlint's own
    from ovlint.app.cli import main as command

    command()


if __name__ == "__main__":
    main()
