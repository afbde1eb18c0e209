from .base import *  # noqa: F403
from .base import DEMO_APP, INSTALLED_APPS, env, env_bool

# The local demo (`make run`) looks like the product: the portal's own error pages, never Django's debug page
# with tracebacks and the machine's paths (DEBUG=1 in the environment turns the debug page on for development).
DEBUG = env_bool("DEBUG", False)
# The demo's known accounts (demo editor and staff, their printed password and security code), the public images
# under MEDIA_ROOT and the demo app (portal/demo/: demo flows, registers and back office) are on here, and only
# here (production never; the test settings install the app but refuse the accounts). PORTAL_DEMO=0 turns it off.
PORTAL_DEMO = env_bool("PORTAL_DEMO", True)
if PORTAL_DEMO and DEMO_APP not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, DEMO_APP]
SECRET_KEY = env("SECRET_KEY", "dev-only-secret-key-not-for-production")  # noqa: S105
# Static files straight from static/ and the apps, as edited, without collectstatic, whatever DEBUG says.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
