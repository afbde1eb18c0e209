"""The local demo, apart from the product: an app installed only when PORTAL_DEMO is on (portal/settings/dev.py,
as `make run` has; the test settings install it too) and imported by no other app (the "demo-apart" contract
in pyproject.toml). With it off, none of this is importable from a URL.

    flows.py            the demo services' application flows, defined in code
    registers.py        demo public registers for prefill (demo-household, demo-social-insurance)
    connector.py        the in-process demo back office (connector plugin "demo")
    backoffice_sim.py   the simulated department back office, a process of its own without Django
                        (python -m portal.demo.backoffice_sim)
    metrics.py          a data set whose metrics are known by construction
    management/         load_demo_flows, connectors_load_demo, metrics_generate_demo

DemoConfig.ready() registers the flows and plugins with the applications and connectors registries. This file
imports nothing: the simulated back office runs without Django. The demo's known accounts (create_demo_editor,
create_demo_staff, demo_otp_code) stay with accounts and staff, refused unless PORTAL_DEMO is on."""
