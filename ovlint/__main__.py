from ovlint.app.cli import main

main()
