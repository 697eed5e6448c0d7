from ovlint.cli import main

main()
