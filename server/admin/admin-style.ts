/** The admin page's style sheet, served as /admin/assets/admin.css (the CSP allows no inline style). */
export const ADMIN_STYLE = `:root {
	--ink: #1d2330; --muted: #5d6675; --line: #e3e6ec; --soft: #f6f7f9; --page: #fbfbfc;
	--accent: #2450c6; --accent-ink: #fff; --danger: #b42318; --danger-soft: #fdecea;
	--ok: #1e6b34; --ok-soft: #e4f3e8; --warn: #8a5300; --warn-soft: #fff3dc;
	--grey: #596270; --grey-soft: #eceef2;
	font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
	color: var(--ink); background: var(--page);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .75rem; }
p { margin: .5rem 0; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }

.top { background: #151b2b; color: #fff; }
.top-inner { max-width: 1280px; margin: 0 auto; padding: 0 1.5rem; display: flex; align-items: center; gap: 2rem; height: 3.25rem; }
.brand { color: #fff; font-weight: 700; letter-spacing: .01em; }
.brand span { color: #9fb3ff; font-weight: 500; margin-left: .35rem; }
.top nav { display: flex; gap: .25rem; flex: 1; }
.top nav a { color: #c8d0e0; padding: .35rem .7rem; border-radius: 6px; }
.top nav a:hover { color: #fff; background: #232b40; text-decoration: none; }
.top nav a[aria-current="page"] { color: #fff; background: #2c3653; }
.who { color: #c8d0e0; font-size: .9rem; display: flex; align-items: center; gap: .75rem; }
.who form { margin: 0; }
.who button { background: transparent; color: #fff; border: 1px solid #4a5573; padding: .25rem .7rem; }
.who button:hover { background: #232b40; }

main { max-width: 1280px; margin: 0 auto; padding: 1.75rem 1.5rem 4rem; }
main.narrow { max-width: 32rem; padding-top: 12vh; }
.page-head { display: flex; align-items: flex-end; justify-content: space-between; gap: 1rem; margin-bottom: 1.25rem; }

button, .button { font: inherit; font-size: .9rem; border-radius: 6px; padding: .45rem .9rem; cursor: pointer;
	border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); display: inline-block; }
button:hover, .button:hover { filter: brightness(1.08); text-decoration: none; }
.secondary { background: #fff; color: var(--ink); border-color: #c9ced8; }
.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.danger-outline { background: #fff; color: var(--danger); border-color: #e8b4ae; }
.actions { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.actions form { margin: 0; }

label { display: block; font-size: .85rem; font-weight: 600; margin-bottom: .25rem; }
input, select { font: inherit; font-size: .9rem; height: 2.3rem; padding: 0 .6rem; border: 1px solid #c9ced8; border-radius: 6px; background: #fff; color: var(--ink); }
input:focus, select:focus, button:focus-visible { outline: 2px solid #9fb3ff; outline-offset: 1px; }
.field { margin-bottom: 1rem; }
.field input, .field select { width: 100%; }
.filters { display: flex; gap: .75rem; align-items: flex-end; flex-wrap: wrap; background: #fff; border: 1px solid var(--line);
	border-radius: 10px; padding: .9rem 1rem; margin-bottom: 1rem; }
.filters .grow { flex: 1; min-width: 14rem; }
.filters .grow input { width: 100%; }

.table-wrap { background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .6rem .8rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: var(--soft); font-weight: 600; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #fafbff; }
td.nowrap, .nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.object { max-width: 26rem; overflow-wrap: anywhere; }
.object .bucket { display: block; color: var(--muted); font-size: .8rem; }
.ua { max-width: 22rem; overflow-wrap: anywhere; font-size: .85rem; }

.badge { display: inline-block; font-size: .78rem; font-weight: 600; padding: .1rem .55rem; border-radius: 999px; white-space: nowrap; }
.badge.active { background: var(--ok-soft); color: var(--ok); }
.badge.expired { background: var(--grey-soft); color: var(--grey); }
.badge.revoked { background: var(--danger-soft); color: var(--danger); }
.badge.exhausted { background: var(--warn-soft); color: var(--warn); }
.badge.admin { background: #e8edff; color: #2440a0; }
.badge.member { background: var(--grey-soft); color: var(--grey); }
.tag { display: inline-block; font-size: .8rem; padding: 0 .4rem; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); margin-right: .25rem; }

.countdown { font-variant-numeric: tabular-nums; white-space: nowrap; }
.countdown.soon { color: var(--warn); font-weight: 600; }
.countdown.past { color: var(--muted); }
.bound { color: var(--muted); font-size: .8rem; }

.notice { border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1.25rem; border: 1px solid; }
.notice.ok { background: var(--ok-soft); border-color: #b7dcc2; color: #174f28; }
.notice.warn { background: var(--warn-soft); border-color: #f0d49b; color: #6b4100; }
.notice.error { background: var(--danger-soft); border-color: #f1b8b2; color: #8c1c13; }
.notice strong { display: block; margin-bottom: .15rem; }
.notice ul { margin: .4rem 0 0; padding-left: 1.2rem; }

.empty { text-align: center; padding: 3rem 1rem; color: var(--muted); }
.empty strong { display: block; color: var(--ink); font-size: 1.05rem; margin-bottom: .25rem; }
.pager { display: flex; justify-content: space-between; align-items: center; margin-top: 1rem; color: var(--muted); font-size: .9rem; }

.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.4rem; margin-bottom: 1.25rem; }
.card h2 { margin-top: 0; }
.card h3 { margin: 0 0 .9rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(36rem, 1fr)); gap: 1.25rem; align-items: start; }
.grid > .card { margin-bottom: 0; }
.grid.two { grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); }
.card > .actions { margin-top: 1.1rem; padding-top: 1rem; border-top: 1px solid var(--line); }
dl.fields { display: grid; grid-template-columns: 10rem 1fr; gap: .45rem 1rem; margin: 0; }
dl.fields dt { color: var(--muted); font-size: .9rem; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.token-box { display: flex; gap: .5rem; margin: .75rem 0; }
.token-box input { flex: 1; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
.confirm { max-width: 40rem; }
`;
