"""Demo data for the catalogue: a realistic Shandong provincial service catalogue in Chinese and English.

The content is data, in data/*.yaml: regions, departments, life events and halls (the snippets), laws and
materials (shared vocabulary), and services/<department>.yaml, one file of services per department. The
modules of the same names read and check those files (datafile.py: the checks); catalogue.py builds every
service with spec.py; loader.py writes it all; generator.py builds a large synthetic catalogue for
benchmarks from the same vocabulary.
"""
