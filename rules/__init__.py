"""ovlint's rules, one module per deprecation family; installed as `ovlint.rules`."""
