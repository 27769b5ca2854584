"""
Django's own LogEntry (every add, change and delete made in this admin) shown as an
audit log at /admin/admin/logentry/: read-only, ten rows a page, a search over the
changed object's name, and filters on the action, the staff member, the kind of record
and the time. Every search and filter reloads the page; the pages are "?p=2" links.
"""
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model


class StaffMemberFilter(admin.SimpleListFilter):
    """The staff member who made the change, by username (?user=alice), shown by full name."""

    title = 'staff member'
    parameter_name = 'user'

    def lookups(self, request, model_admin):
        people = get_user_model().objects.filter(logentry__isnull=False).distinct().order_by('username')
        return [(person.username, person.get_full_name() or person.username) for person in people]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(user__username=self.value())
        return queryset


@admin.register(LogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ('action_time', 'user', 'content_type', 'object_repr', 'action_flag', 'change_summary')
    list_filter = ('action_flag', StaffMemberFilter, 'content_type', 'action_time')
    search_fields = ('object_repr',)
    date_hierarchy = 'action_time'
    list_per_page = 10
    list_select_related = ('user', 'content_type')
    ordering = ('-action_time', '-id')
    actions = None

    @admin.display(description='change message')
    def change_summary(self, entry):
        return entry.get_change_message()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
