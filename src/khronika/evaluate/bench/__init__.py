"""Adapters that score the pipeline on public benchmarks read in their own formats."""
