/** @jsxImportSource hono/jsx */
/** What revoke-all of a user did: counts in words, and a table of every link it could not stop. */
import { Notice } from "./components.tsx";
import { count } from "./format.ts";
import type { UserRevocation } from "./revoke-user.ts";
import { detailHref } from "./share-detail.tsx";

export function UserResult({ result }: { result: UserRevocation }) {
	const stopped = result.managed + result.sessionsDenied;
	const total = stopped + result.alreadyEnded + result.stillWorking.length;
	if (total + result.failed.length === 0)
		return (
			<Notice kind="ok" title="Nothing to revoke.">
				{result.user} has no shares that are not revoked already.
			</Notice>
		);
	return (
		<>
			<Notice
				kind={result.stillWorking.length + result.failed.length ? "warn" : "ok"}
				title={`${count(total, "share")} revoked.`}
			>
				<ul>
					{lines(result).map(([label, n]) => (
						<li>
							{label}: {n}
						</li>
					))}
				</ul>
			</Notice>
			{result.stillWorking.length > 0 && (
				<ProblemTable
					title="Still working until they expire"
					rows={result.stillWorking}
				/>
			)}
			{result.failed.length > 0 && (
				<ProblemTable title="Not revoked" rows={result.failed} />
			)}
		</>
	);
}

/** The outcome's non-zero counts, in words. */
function lines(r: UserRevocation): [string, number][] {
	const all: [string, number][] = [
		["Managed links, now answering 410 Gone", r.managed],
		[
			"Direct links stopped, IAM denying their own STS session",
			r.sessionsDenied,
		],
		["Already expired, nothing to stop", r.alreadyEnded],
		["Recorded, but S3 honours them until they expire", r.stillWorking.length],
		["Could not be revoked", r.failed.length],
	];
	return all.filter(([, n]) => n > 0);
}

function ProblemTable(props: {
	title: string;
	rows: UserRevocation["failed"];
}) {
	return (
		<>
			<h2>{props.title}</h2>
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th>Share</th>
							<th>Object</th>
							<th>Why</th>
						</tr>
					</thead>
					<tbody>
						{props.rows.map(({ share, reason }) => (
							<tr>
								<td class="nowrap">
									<a href={detailHref(share.id)}>{share.id}</a>
								</td>
								<td class="object">{`${share.bucket}/${share.key}`}</td>
								<td>{reason}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</>
	);
}
