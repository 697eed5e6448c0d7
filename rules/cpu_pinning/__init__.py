"""OV3xx: CPU affinity (`AFFINITY`, `CPU_BIND_THREAD`), replaced by `enable_cpu_pinning`."""
PREFIX = "OV3"
TITLE = "CPU affinity and pinning"
