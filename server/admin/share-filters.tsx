/** @jsxImportSource hono/jsx */
/** The filters of the shares list: the query of GET /admin, its links, and the form above the table. */
import { z } from "zod";
import { shareStatusSchema } from "../../shared/api.ts";

/** Empty fields of the filter form mean "any". */
const blank = (value: unknown) => (value === "" ? undefined : value);
export const sharesQuery = z.object({
	q: z.preprocess(blank, z.string().trim().max(200).optional()),
	status: z.preprocess(blank, shareStatusSchema.optional()),
	profile: z.preprocess(blank, z.string().max(64).optional()),
	user: z.preprocess(blank, z.string().max(100).optional()),
	cursor: z.preprocess(blank, z.string().max(200).optional()),
});
export type Filters = Omit<z.output<typeof sharesQuery>, "cursor">;

export function sharesHref(filters: Filters, cursor?: string): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries({ ...filters, cursor }))
		if (value) params.set(name, value);
	const query = params.toString();
	return query ? `/admin?${query}` : "/admin";
}

export function FilterForm(props: { filters: Filters; profiles: string[] }) {
	const { filters } = props;
	return (
		<search>
			<form method="get" action="/admin" class="filters">
				<div class="grow">
					<label for="q">Search</label>
					<input
						id="q"
						name="q"
						type="search"
						value={filters.q ?? ""}
						placeholder="User, key or profile"
					/>
				</div>
				<div>
					<label for="status">Status</label>
					<select id="status" name="status">
						<option value="">Any</option>
						{shareStatusSchema.options.map((status) => (
							<option value={status} selected={filters.status === status}>
								{status}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="profile">Profile</label>
					<select id="profile" name="profile">
						<option value="">Any</option>
						{props.profiles.map((id) => (
							<option value={id} selected={filters.profile === id}>
								{id}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="user">User</label>
					<input id="user" name="user" value={filters.user ?? ""} size={12} />
				</div>
				<div class="actions">
					<button type="submit">Filter</button>
					<a class="button secondary" href="/admin">
						Clear
					</a>
				</div>
			</form>
		</search>
	);
}
