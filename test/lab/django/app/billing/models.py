from django.db import models


class Customer(models.Model):
    PLANS = [('starter', 'Starter'), ('team', 'Team'), ('enterprise', 'Enterprise')]

    name = models.CharField(max_length=120, unique=True)
    email = models.EmailField('billing e-mail')
    country = models.CharField(max_length=60)
    plan = models.CharField(max_length=20, choices=PLANS, default='starter')
    credit_limit = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    is_active = models.BooleanField('active', default=True)

    class Meta:
        ordering = ['name']

    def __str__(self):
        return self.name


class Invoice(models.Model):
    STATUSES = [('draft', 'Draft'), ('sent', 'Sent'), ('paid', 'Paid'), ('void', 'Void')]

    number = models.CharField(max_length=20, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name='invoices')
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default='EUR')
    status = models.CharField(max_length=10, choices=STATUSES, default='draft')
    due_date = models.DateField()

    class Meta:
        ordering = ['-number']

    def __str__(self):
        return f'{self.number} ({self.customer.name})'
