"""Benchmarks: `make bench` runs every module's measure() and prints one table."""
