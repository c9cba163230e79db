"""geventsd: a durable events daemon for GlusterFS-style storage clusters.

Data flows protocols in (:mod:`geventsd.protocols`), through the ingest,
durable log and bus in the middle (:mod:`geventsd.ingest`,
:mod:`geventsd.store`, :mod:`geventsd.bus`), and out through sinks
(:mod:`geventsd.sinks`).
"""

__version__ = "0.1.0"
