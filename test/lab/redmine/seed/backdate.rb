# Redmine's REST API always stamps a new issue, note, wiki version or news item with the
# current time, and an activity log needs weeks of history. After seed.mjs created every
# item through the API, this moves each one to the time the seed planned for it, with
# Redmine's own models (rails runner). Reads the plan from ARGV[0] (JSON).
require 'json'
plan = JSON.parse(File.read(ARGV[0]))
at = ->(iso) { Time.iso8601(iso) }
ActiveRecord::Base.transaction do
  plan['issues'].each do |item|
    Issue.where(id: item['id']).update_all(created_on: at[item['at']], updated_on: at[item['updatedAt']])
  end
  plan['journals'].each do |item|
    Journal.where(id: item['id']).update_all(created_on: at[item['at']])
  end
  plan['wiki'].each do |item|
    page = Project.find(item['project']).wiki.find_page(item['title'])
    version = WikiContentVersion.where(page_id: page.id, version: item['version']).first!
    version.update_columns(updated_on: at[item['at']])
    if item['version'] == 1
      page.update_columns(created_on: at[item['at']])
    end
    content = WikiContent.where(page_id: page.id).first!
    content.update_columns(updated_on: at[item['at']]) if content.version == item['version']
  end
  plan['news'].each do |item|
    News.where(id: item['id']).update_all(created_on: at[item['at']])
  end
end
puts "moved #{plan['issues'].size} issues, #{plan['journals'].size} issue updates, #{plan['wiki'].size} wiki versions, #{plan['news'].size} news items to their planned times"
