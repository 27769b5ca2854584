from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = 'Northwind Billing back office'
admin.site.site_title = 'Northwind Billing'
admin.site.index_title = 'Administration'

urlpatterns = [
    path('admin/', admin.site.urls),
    path('', RedirectView.as_view(url='/admin/', permanent=False)),
]
