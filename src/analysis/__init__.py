"""Reproducible research suite on Chinese local 双创 policy.

One module per concept of the domain:

- ``corpus``     the catalogue of source documents, checksums, adding a document
- ``cleaning``   raw web text -> clean Simplified text, with an offset map back to raw bytes
- ``segments``   paragraphs, sentences and clauses with stable ids
- ``terms``      word segmentation (jieba) and term frequencies
- ``plotting``   the house style for figures, Chinese labels included
- ``cli``        ``python -m analysis ...``
"""

__version__ = "0.1.0"
