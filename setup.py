from setuptools import setup

setup(
    name="geventsd",
    version="0.1.0",
    description="GlusterFS-compatible events daemon: durable log, webhooks, WebSocket, REST API",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.9",
    packages=["geventsd", "geventsd.protocols", "geventsd.sinks", "geventsd.schema",
              "twisted.plugins"],
    package_data={"geventsd.schema": ["*.sql"]},
    install_requires=[
        "Twisted[tls]>=22.10",
        "treq>=22.2",
        "autobahn>=22.1",
        "klein>=21.8",
        "attrs>=22.2",
        "PyJWT>=2.0",
    ],
    extras_require={
        "dev": ["hypothesis>=6", "pyflakes", "jsonschema", "standardwebhooks>=1.0", "cloudevents"],
    },
    entry_points={
        "console_scripts": ["geventsapi = geventsd.cli:run"],
    },
)
