"""
Settings of the lab console: a small billing back office whose staff edit customers and
invoices in Django's admin, and whose audit log is the admin's own LogEntry list.

Everything it writes (the SQLite database, the request log) lives in test/lab/django/.work/,
which start.sh creates and the repository ignores. It listens on 127.0.0.1 only.
"""
import os
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = Path(os.environ.get('LAB_WORK_DIR', APP_DIR.parent / '.work'))

# A lab on the loopback address with made-up data: the key protects nothing.
SECRET_KEY = 'trailguide-lab-django-not-a-secret'
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', 'testserver']

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'billing',
    'audit',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
    'audit.middleware.ChangelistRequestLog',
]

ROOT_URLCONF = 'labsite.urls'
TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.debug',
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        },
    },
]
WSGI_APPLICATION = 'labsite.wsgi.application'

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': str(WORK_DIR / 'lab.sqlite3'),
    }
}
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'

# The back office is in Berlin: the admin shows every time in Berlin's clock
# ("Nov. 29, 2026, 7:18 p.m."), stores UTC.
LANGUAGE_CODE = 'en-us'
TIME_ZONE = 'Europe/Berlin'
USE_I18N = True
USE_L10N = True
USE_TZ = True

STATIC_URL = '/static/'

# What the console's audit-log page was asked and what it applied, one JSON line per
# request (audit/middleware.py); only the lab's truth.ts reads it.
CHANGELIST_REQUEST_LOG = WORK_DIR / 'changelist-requests.jsonl'

LOGGING = {'version': 1, 'disable_existing_loggers': False}
