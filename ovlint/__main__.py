"""The `ovlint` command's entry (`ovlint`, `python -m ovlint`)."""


def main() -> None:
    from ovlint.engine import dataclass_code

    dataclass_code.install()  # before the imports that make dataclasses: LibCST's nodes, ovlint's own
    from ovlint.app.cli import main as command

    command()


if __name__ == "__main__":
    main()
