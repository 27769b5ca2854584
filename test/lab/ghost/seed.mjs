#!/usr/bin/env node
/**
 * Seeds the Ghost lab console through its own Admin API, as its staff would use it: Ghost's
 * setup creates the owner; the owner invites four staff (Ghost sends each an invitation
 * e-mail — the lab's mail transport keeps it, so the invitation's token is read from Ghost's
 * own invites table, which is what the e-mail's link carries) and they accept it through the
 * API; then each signs in and works: tags, posts, pages, publishing, deleting, settings.
 * Every change is recorded by Ghost itself in its History (the actions table).
 *
 *   node seed.mjs <path of Ghost's sqlite database>
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { STAFF, SITE_TITLE, api, signIn } from './lab.mjs';

const database = process.argv[2];
if (!database) throw new Error('usage: node seed.mjs <ghost sqlite database>');
const say = (text) => console.log(`[lab ghost] ${text}`);

/** The invitation's token as the e-mail's link carries it. */
async function invitationToken(email) {
  const require = createRequire(join(import.meta.dirname, '.work/ghost/package.json'));
  const sqlite3 = require('sqlite3');
  const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
  try {
    const row = await new Promise((done, fail) =>
      db.get("SELECT token FROM invites WHERE email = ? AND status = 'sent'", [email], (error, found) => (error ? fail(error) : done(found))),
    );
    if (!row) throw new Error(`Ghost has no sent invitation for ${email}`);
    // Ghost stores the token in base64 and writes it into the link URL-safe (its encodeBase64).
    return String(row.token).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  } finally {
    db.close();
  }
}

const [owner, ...staff] = STAFF;

// 1. Ghost's own setup: the site and its owner.
const setup = await api(null, 'GET', '/authentication/setup/');
if (setup.setup?.[0]?.status) throw new Error('Ghost is already set up; start.sh --fresh starts from an empty database');
await api(null, 'POST', '/authentication/setup/', {
  setup: [{ name: owner.name, email: owner.email, password: owner.password, blogTitle: SITE_TITLE }],
});
const sessions = { owner: await signIn(owner.email, owner.password) };
say(`Site "${SITE_TITLE}" set up; owner ${owner.name}.`);

// 2. Staff: invited by the owner, each accepting the invitation.
const { roles } = await api(sessions.owner, 'GET', '/roles/?permissions=assign&limit=all');
for (const person of staff) {
  const role = roles.find((r) => r.name === person.role);
  if (!role) throw new Error(`Ghost has no role ${person.role}`);
  await api(sessions.owner, 'POST', '/invites/', { invites: [{ email: person.email, role_id: role.id }] });
  const token = await invitationToken(person.email);
  await api(null, 'POST', '/authentication/invitation/', {
    invitation: [{ token, email: person.email, name: person.name, password: person.password }],
  });
  sessions[person.key] = await signIn(person.email, person.password);
}
say(`Staff invited and signed in: ${staff.map((p) => `${p.name} (${p.role})`).join(', ')}.`);

let events = 0;
const as = (key) => sessions[key];
const call = async (key, method, path, body) => {
  const answer = await api(as(key), method, path, body);
  if (method !== 'GET') events++;
  return answer;
};

async function addTag(key, name, description) {
  const { tags } = await call(key, 'POST', '/tags/', { tags: [{ name, description }] });
  return tags[0];
}
async function addPost(key, title, text, type = 'posts') {
  const lexical = JSON.stringify({
    root: { children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'extended-text', version: 1 }], direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1 }], direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 },
  });
  // Authors and contributors may only add posts they are the author of, as Ghost's editor sends them.
  const answer = await call(key, 'POST', `/${type}/`, { [type]: [{ title, lexical, status: 'draft', authors: [{ id: as(key).userId }] }] });
  return answer[type][0];
}
/** An edit as Ghost's editor sends it: the fields changed and the updated_at it last saw. */
async function editPost(key, item, changes, type = 'posts') {
  const { [type]: [current] } = await api(as(key), 'GET', `/${type}/${item.id}/`);
  const answer = await call(key, 'PUT', `/${type}/${item.id}/`, { [type]: [{ ...changes, updated_at: current.updated_at }] });
  return answer[type][0];
}
const publish = (key, item, type = 'posts') => editPost(key, item, { status: 'published' }, type);
async function editSettings(key, settings) {
  await call(key, 'PUT', '/settings/', { settings });
}

// 3. A week's work on the journal, compressed.
await editSettings('owner', [{ key: 'description', value: 'Stories from the Northwind warehouse and the people who ship your orders.' }]);
await editSettings('owner', [{ key: 'accent_color', value: '#1f6f5c' }]);

const tags = {};
for (const [name, description] of [
  ['Shipping', 'How orders get to you'],
  ['Catalogue', 'What is new in the catalogue'],
  ['Customer stories', 'Customers tell us how they use Northwind'],
  ['Announcements', 'Company news'],
]) tags[name] = await addTag('alice', name, description);

const posts = {};
for (const [key, title, text] of [
  ['chen', 'How we pack fragile orders', 'Double boxes, corner guards and a lot of paper.'],
  ['chen', 'A day at the Rotterdam warehouse', 'From the first truck at six to the last pallet at ten.'],
  ['chen', 'Returns without the hassle', 'Print the label, drop the parcel, done.'],
  ['dana', 'Ten tips for cold-weather deliveries', 'Keep the parcel dry and the driver warm.'],
  ['dana', 'Meet the night shift', 'Who packs your order while you sleep.'],
  ['dana', 'Draft: packaging survey results', 'Numbers to follow.'],
  ['alice', 'Spring catalogue is out', 'Forty new products, twelve of them made locally.'],
  ['alice', 'Free shipping over 50 euros', 'From March, every order over 50 euros ships free.'],
  ['alice', 'Our new recycled boxes', 'Every box now has at least 80% recycled card.'],
  ['alice', 'Holiday opening hours', 'When the warehouse and the phone line are open.'],
  ['alice', 'Customer story: Lakeside Bakery', 'Flour, sugar and boxes, every Tuesday.'],
  ['alice', 'Tracking links now in every e-mail', 'Follow the parcel from the shelf to your door.'],
]) posts[title] = { ...(await addPost(key, title, text)), by: key };

// Authors and contributors polish their own drafts.
for (const title of ['How we pack fragile orders', 'A day at the Rotterdam warehouse', 'Returns without the hassle']) {
  posts[title] = { ...posts[title], ...(await editPost('chen', posts[title], { custom_excerpt: `${title}: the short version.` })) };
}
for (const title of ['Ten tips for cold-weather deliveries', 'Meet the night shift']) {
  posts[title] = { ...posts[title], ...(await editPost('dana', posts[title], { custom_excerpt: 'Written by the delivery team.' })) };
}

// The editor's rounds: every draft in turn, so no two edits of one post follow each other.
const round = [
  'Spring catalogue is out',
  'Free shipping over 50 euros',
  'Our new recycled boxes',
  'Holiday opening hours',
  'Customer story: Lakeside Bakery',
  'Tracking links now in every e-mail',
  'How we pack fragile orders',
  'A day at the Rotterdam warehouse',
];
const tagFor = ['Catalogue', 'Shipping', 'Announcements', 'Announcements', 'Customer stories', 'Shipping', 'Shipping', 'Customer stories'];
for (const [i, title] of round.entries()) {
  posts[title] = await editPost('alice', posts[title], { tags: [{ id: tags[tagFor[i]].id }] });
}
for (const title of round) {
  posts[title] = await editPost('alice', posts[title], { custom_excerpt: `${title} — read it in two minutes.` });
}
for (const title of round) {
  posts[title] = await editPost('alice', posts[title], { featured: title.length % 2 === 0 });
}
for (const title of ['Spring catalogue is out', 'Free shipping over 50 euros', 'How we pack fragile orders', 'Our new recycled boxes', 'Returns without the hassle']) {
  posts[title] = await publish('alice', posts[title]);
}
// Three quick fixes to one post in a row: Ghost's History shows them as one line, "… 3 times".
for (const fix of ['Fifty', '50', 'fifty']) {
  posts['Free shipping over 50 euros'] = await editPost('alice', posts['Free shipping over 50 euros'], { custom_excerpt: `Every order over ${fix} euros ships free.` });
}

// The administrator: pages, a clean-up, the site's settings.
const pages = {};
for (const [title, text] of [
  ['About Northwind', 'A family warehouse since 1987.'],
  ['Delivery and returns', 'Where we ship, how long it takes, how to send something back.'],
]) pages[title] = await addPost('bruno', title, text, 'pages');
pages['About Northwind'] = await editPost('bruno', pages['About Northwind'], { custom_excerpt: 'Who we are.' }, 'pages');
pages['Delivery and returns'] = await publish('bruno', pages['Delivery and returns'], 'pages');
pages['About Northwind'] = await publish('bruno', pages['About Northwind'], 'pages');
await call('bruno', 'DELETE', `/posts/${posts['Draft: packaging survey results'].id}/`);
await call('bruno', 'DELETE', `/tags/${tags['Announcements'].id}/`);
await call('bruno', 'PUT', `/tags/${tags['Customer stories'].id}/`, { tags: [{ name: 'Customer stories', description: 'Our customers, in their own words' }] });
await editSettings('bruno', [{ key: 'title', value: SITE_TITLE }, { key: 'meta_title', value: `${SITE_TITLE} — warehouse news` }]);
await editSettings('bruno', [{ key: 'twitter_description', value: 'News from the Northwind warehouse.' }]);

// More work after the clean-up, by everyone.
posts['Meet the night shift'] = await editPost('dana', posts['Meet the night shift'], { title: 'Meet the night shift team' });
posts['Holiday opening hours'] = await publish('alice', posts['Holiday opening hours']);
posts['Customer story: Lakeside Bakery'] = await editPost('alice', posts['Customer story: Lakeside Bakery'], { title: 'Customer story: Lakeside Bakery, Utrecht' });
posts['Tracking links now in every e-mail'] = await publish('alice', posts['Tracking links now in every e-mail']);
posts['A day at the Rotterdam warehouse'] = await editPost('chen', posts['A day at the Rotterdam warehouse'], { custom_excerpt: 'Six in the morning to ten at night.' });
posts['Meet the night shift team'] = await publish('alice', posts['Meet the night shift']);
await call('alice', 'DELETE', `/posts/${posts['Ten tips for cold-weather deliveries'].id}/`);
await editSettings('owner', [{ key: 'title', value: `${SITE_TITLE}` }, { key: 'navigation', value: JSON.stringify([{ label: 'Home', url: '/' }, { label: 'About', url: '/about-northwind/' }]) }]);

const { actions, meta } = await api(sessions.owner, 'GET', '/actions/?limit=1');
say(`Seeded ${events} changes through the Admin API; Ghost's History holds ${meta?.pagination?.total ?? actions.length} events.`);
