"""
Seeds the lab console the way its staff would have filled it: every customer and invoice
is added, changed or deleted through the admin's own forms (Django's test client posting
to /admin/…, logged in as that staff member), so each audit-log entry — its object, its
action and its change message ("Changed Status.") — is the one Django's admin writes.

The admin stamps each entry with the moment of the request; the seed then moves each
entry to its planned time (four weeks of office hours in November 2026, Berlin time), so
the log reads like a month of work. Nothing else about an entry is touched.

Run once on an empty database (start.sh does); it refuses a database that has entries.
"""
import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from billing.models import Customer, Invoice

BERLIN = ZoneInfo('Europe/Berlin')
ADMIN = ('labadmin', 'Lab', 'Admin')
STAFF = [('alice', 'Alice', 'Martin'), ('bob', 'Bob', 'Okafor'), ('chen', 'Li', 'Chen'), ('dana', 'Dana', 'Whitfield')]
PASSWORD = 'lab-password-1'

CUSTOMERS = [
    ('Northwind Traders', 'billing@northwind.example', 'Germany', 'team', '5000.00'),
    ('Contoso Pharmacy', 'accounts@contoso.example', 'Netherlands', 'enterprise', '20000.00'),
    ('Fabrikam Logistics', 'ap@fabrikam.example', 'Poland', 'team', '8000.00'),
    ('Tailspin Toys', 'finance@tailspin.example', 'Ireland', 'starter', '1000.00'),
    ('Wingtip Outfitters', 'billing@wingtip.example', 'France', 'starter', '1500.00'),
    ('Adatum Health', 'invoices@adatum.example', 'Austria', 'enterprise', '25000.00'),
    ('Litware Books', 'office@litware.example', 'Belgium', 'starter', '500.00'),
    ('Proseware Studio', 'hello@proseware.example', 'Denmark', 'team', '3000.00'),
]


class Command(BaseCommand):
    help = 'Seeds the lab console with staff, customers, invoices and a month of audit-log entries made through the admin.'

    def handle(self, *args, **options):
        if LogEntry.objects.exists():
            raise CommandError('The database already has audit-log entries; start.sh --fresh starts from an empty one.')
        self.random = random.Random(2026)
        self.clients = {}
        self.make_people()
        events = self.plan()
        times = self.times(len(events))
        for (who, do, args), at in zip(events, times):
            before = LogEntry.objects.count()
            do(who, *args)
            created = LogEntry.objects.order_by('-id')[: LogEntry.objects.count() - before]
            if len(created) != 1:
                raise CommandError(f'{do.__name__}{args} by {who} wrote {len(created)} audit-log entries, not 1')
            LogEntry.objects.filter(pk=created[0].pk).update(action_time=at)
        counts = {label: LogEntry.objects.filter(action_flag=flag).count() for flag, label in ((1, 'added'), (2, 'changed'), (3, 'deleted'))}
        self.stdout.write(f'Seeded {LogEntry.objects.count()} audit-log entries ({counts}) by {len(STAFF)} staff members.')

    # People -------------------------------------------------------------------------------
    def make_people(self):
        User = get_user_model()
        username, first, last = ADMIN
        User.objects.create_superuser(username, f'{username}@northwind-billing.example', PASSWORD, first_name=first, last_name=last)
        group = Group.objects.create(name='Billing staff')
        codenames = [f'{verb}_{model}' for verb in ('add', 'change', 'delete', 'view') for model in ('customer', 'invoice')]
        group.permissions.set(Permission.objects.filter(codename__in=codenames + ['view_logentry']))
        for username, first, last in STAFF:
            person = User.objects.create_user(username, f'{username}@northwind-billing.example', PASSWORD, first_name=first, last_name=last, is_staff=True)
            person.groups.add(group)
            client = Client()
            client.force_login(person)
            self.clients[username] = client

    # What happened, in order ----------------------------------------------------------------
    def plan(self):
        pick = lambda: self.random.choice(STAFF)[0]  # noqa: E731
        events = []
        for customer in CUSTOMERS:
            events.append((pick(), self.add_customer, customer))
        number = 100
        invoices = []
        for name, count in (('Northwind Traders', 8), ('Contoso Pharmacy', 3), ('Fabrikam Logistics', 3), ('Tailspin Toys', 2),
                            ('Wingtip Outfitters', 2), ('Adatum Health', 3), ('Litware Books', 2), ('Proseware Studio', 2)):
            for _ in range(count):
                number += 1
                invoices.append((f'INV-2026-{number:04d}', name))
        self.random.shuffle(invoices)
        for invoice in invoices:
            events.append((pick(), self.add_invoice, invoice))
        sent = [inv for inv in invoices if inv[1] != 'Proseware Studio']
        for invoice in sent:
            events.append((pick(), self.set_status, (invoice[0], 'sent')))
        paid = [inv for inv in sent if self.random.random() < 0.6 or inv[1] == 'Northwind Traders'][:17]
        for invoice in paid:
            events.append((pick(), self.set_status, (invoice[0], 'paid')))
        events += [
            ('alice', self.change_customer, ('Northwind Traders', {'plan': 'enterprise', 'credit_limit': '12000.00'})),
            ('bob', self.change_customer, ('Northwind Traders', {'email': 'finance@northwind.example'})),
            ('chen', self.change_customer, ('Contoso Pharmacy', {'credit_limit': '25000.00'})),
            ('dana', self.change_customer, ('Tailspin Toys', {'plan': 'team'})),
            ('alice', self.change_customer, ('Wingtip Outfitters', {'is_active': False})),
            ('bob', self.change_customer, ('Adatum Health', {'country': 'Switzerland', 'email': 'ap@adatum.example'})),
            ('alice', self.change_customer, ('Northwind Traders', {'credit_limit': '15000.00'})),
        ]
        unpaid = [inv for inv in sent if inv not in paid]
        for invoice in unpaid[:3]:
            events.append((pick(), self.delete_invoice, (invoice[0],)))
        events.append(('dana', self.delete_customer, ('Proseware Studio',)))
        events.append(('alice', self.add_invoice, ('INV-2026-0200', 'Northwind Traders')))
        events.append(('chen', self.delete_invoice, ('INV-2026-0200',)))
        return events

    def times(self, count):
        """`count` moments in office hours (Mon–Fri 08:30–18:00 Berlin) from 2 to 30 November 2026, in order."""
        days = [dt.date(2026, 11, 2) + dt.timedelta(days=n) for n in range(29)]
        days = [day for day in days if day.weekday() < 5]
        moments = set()
        while len(moments) < count:
            day = self.random.choice(days)
            minute = self.random.randrange(8 * 60 + 30, 18 * 60)
            moments.add(dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, self.random.randrange(60), tzinfo=BERLIN))
        return sorted(moments)

    # Gestures in the admin ----------------------------------------------------------------------
    def post(self, who, url, data):
        response = self.clients[who].post(url, {**data, '_save': 'Save'})
        if response.status_code != 302:
            errors = getattr(response, 'context_data', {}) or {}
            form = errors.get('adminform')
            raise CommandError(f'{who} POST {url}: {response.status_code} {form.form.errors if form else ""}')

    def customer_form(self, customer, changes=None):
        data = {'name': customer.name, 'email': customer.email, 'country': customer.country, 'plan': customer.plan,
                'credit_limit': str(customer.credit_limit), 'is_active': customer.is_active}
        data.update(changes or {})
        if not data['is_active']:
            del data['is_active']
        else:
            data['is_active'] = 'on'
        return data

    def add_customer(self, who, name, email, country, plan, credit):
        self.post(who, '/admin/billing/customer/add/', self.customer_form(Customer(name=name, email=email, country=country, plan=plan, credit_limit=Decimal(credit))))

    def change_customer(self, who, name, changes):
        customer = Customer.objects.get(name=name)
        self.post(who, f'/admin/billing/customer/{customer.pk}/change/', self.customer_form(customer, changes))

    def add_invoice(self, who, number, customer_name):
        customer = Customer.objects.get(name=customer_name)
        amount = Decimal(self.random.randrange(120, 4800)) + Decimal('0.50')
        due = dt.date(2026, 12, 1) + dt.timedelta(days=self.random.randrange(0, 45))
        self.post(who, '/admin/billing/invoice/add/', {'number': number, 'customer': customer.pk, 'amount': str(amount),
                                                       'currency': 'EUR', 'status': 'draft', 'due_date': due.isoformat()})

    def set_status(self, who, number, status):
        invoice = Invoice.objects.get(number=number)
        self.post(who, f'/admin/billing/invoice/{invoice.pk}/change/', {'number': invoice.number, 'customer': invoice.customer_id,
                                                                         'amount': str(invoice.amount), 'currency': invoice.currency,
                                                                         'status': status, 'due_date': invoice.due_date.isoformat()})

    def delete_invoice(self, who, number):
        invoice = Invoice.objects.get(number=number)
        self.post(who, f'/admin/billing/invoice/{invoice.pk}/delete/', {'post': 'yes'})

    def delete_customer(self, who, name):
        customer = Customer.objects.get(name=name)
        self.post(who, f'/admin/billing/customer/{customer.pk}/delete/', {'post': 'yes'})
