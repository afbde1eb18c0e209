"""Demo data for the catalogue: a realistic Shandong provincial service catalogue in Chinese and English.

regions.py, departments.py, life_events.py, halls.py: the snippets; laws.py and materials.py: shared
vocabulary; catalogue/: one module of services per department; loader.py writes it all;
generator.py builds a large synthetic catalogue for benchmarks from the same vocabulary.
"""
