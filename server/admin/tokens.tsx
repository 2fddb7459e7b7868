/** @jsxImportSource hono/jsx */
/** /admin/tokens: every API token (never its value or hash), revoking one, and a form to make one. */
import { type Context, Hono } from "hono";
import { SignetError } from "../../shared/errors.ts";
import type { AppDeps, TokenRecord } from "../ports.ts";
import { stamp } from "../ports.ts";
import { ConfirmForm, Notice, Time } from "./components.tsx";
import { confirmPage } from "./confirm.tsx";
import { viewerOf } from "./errors.tsx";
import { isConfirmed } from "./form.ts";
import { Layout, render, type Viewer } from "./layout.tsx";
import type { AdminEnv } from "./session.ts";
import { CreateTokenForm } from "./token-created.tsx";

export function adminTokensRoutes(deps: AppDeps) {
	return new Hono<AdminEnv>()
		.get("/tokens", async (c) => {
			const revokedId = c.req.query("revoked");
			const tokens = await deps.store.tokens.list();
			// The token just revoked is in the list: no second read for it.
			const revoked = tokens.find(
				(token) => token.id === revokedId && token.revokedAt !== null,
			);
			return render(
				c,
				<TokensPage
					viewer={viewerOf(c.var)}
					tokens={tokens}
					currentTokenId={c.var.user.tokenId}
					revoked={revoked ?? null}
				/>,
			);
		})
		.post("/tokens/:id/revoke", async (c) => {
			const token = await deps.store.tokens.get(c.req.param("id"));
			if (!token)
				throw new SignetError(
					"not_found",
					`There is no token '${c.req.param("id")}'.`,
				);
			if (!(await isConfirmed(c))) {
				return confirmPage(c, {
					title: `Revoke ${token.user}'s token ${token.id}?`,
					explanation: <p>{revokeQuestion(token, c)}</p>,
					action: `/admin/tokens/${token.id}/revoke`,
					button: "Revoke the token",
					cancelHref: "/admin/tokens",
				});
			}
			const at = stamp(deps.clock.now());
			await deps.store.tokens.revoke(token.id, at);
			await deps.store.audit.append({
				at,
				type: "token.revoked",
				shareId: null,
				actor: c.var.user.name,
				userAgent: null,
				clientIp: deps.clientAddress(c),
				detail: `token ${token.id} of ${token.user} (${token.role})`,
			});
			return c.redirect(`/admin/tokens?revoked=${token.id}`, 303);
		});
}

function revokeQuestion(token: TokenRecord, c: Context<AdminEnv>): string {
	const own =
		token.id === c.var.user.tokenId
			? " You signed in with this token: revoking it signs you out."
			: "";
	return `Every request with it is refused from now on; ${token.user}'s shares stay as they are.${own}`;
}

interface TokensPageProps {
	viewer: Viewer | null;
	tokens: TokenRecord[];
	currentTokenId: string;
	revoked: TokenRecord | null;
}

function TokensPage(props: TokensPageProps) {
	const { viewer } = props;
	return (
		<Layout title="Tokens" viewer={viewer} section="tokens">
			<div class="page-head">
				<div>
					<h1>API tokens</h1>
					<p class="muted">
						Tokens let the extension and scripts use Signet. Their values are
						shown once, when made; Signet keeps only a hash.
					</p>
				</div>
			</div>
			{props.revoked && (
				<Notice kind="ok" title="Token revoked.">
					{props.revoked.user}'s token {props.revoked.id} is refused from now
					on.
				</Notice>
			)}
			{viewer && <CreateTokenForm csrfToken={viewer.csrfToken} />}
			<div class="table-wrap">
				<table>
					<thead>
						<tr>
							<th>Id</th>
							<th>User</th>
							<th>Role</th>
							<th>Label</th>
							<th>Created</th>
							<th>Status</th>
							<th />
						</tr>
					</thead>
					<tbody>
						{props.tokens.map((token) => (
							<tr data-token-id={token.id}>
								<td>
									<code>{token.id}</code>
									{token.id === props.currentTokenId && (
										<span class="muted small"> (yours, this session)</span>
									)}
								</td>
								<td>{token.user}</td>
								<td>
									<span class={`badge ${token.role}`}>{token.role}</span>
								</td>
								<td>{token.label ?? <span class="muted">—</span>}</td>
								<td class="nowrap">
									<Time at={token.createdAt} />
								</td>
								<td class="nowrap">
									{token.revokedAt ? (
										<span class="badge revoked" title={token.revokedAt}>
											revoked {token.revokedAt.slice(0, 10)}
										</span>
									) : (
										<span class="badge active">active</span>
									)}
								</td>
								<td>
									{viewer && token.revokedAt === null && (
										<ConfirmForm
											action={`/admin/tokens/${token.id}/revoke`}
											question={`Revoke ${token.user}'s token ${token.id}? Every request with it is refused from now on.${token.id === props.currentTokenId ? " You signed in with it: you will be signed out." : ""}`}
											label="Revoke…"
											csrfToken={viewer.csrfToken}
										/>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</Layout>
	);
}
