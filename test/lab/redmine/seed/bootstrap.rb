# Run once by start.sh through `rails runner` (Redmine's own models), before the server starts:
# the settings an administrator would choose in Administration → Settings, and the admin's
# API key for seeding through the REST API. Prints the key and nothing else.
Setting.rest_api_enabled = '1'          # Administration → Settings → API → Enable REST web service
Setting.activity_days_default = '7'     # Settings → Display: days shown on the activity page (a week per page)
Setting.login_required = '0'
Setting.default_language = 'en'
Setting.host_name = '127.0.0.1:8720'
admin = User.find_by_login('admin')
admin.password = admin.password_confirmation = ENV.fetch('LAB_ADMIN_PASSWORD')
admin.must_change_passwd = false
admin.save!
print admin.api_key
