from django.contrib import admin

from .models import Customer, Invoice


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ('name', 'email', 'country', 'plan', 'credit_limit', 'is_active')
    list_filter = ('plan', 'is_active', 'country')
    search_fields = ('name', 'email')


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ('number', 'customer', 'amount', 'currency', 'status', 'due_date')
    list_filter = ('status', 'currency')
    search_fields = ('number', 'customer__name')
