import { useState } from 'react';
import { api, errorMessage, type Whoami } from '../api/client';
import { DataTable } from '../components/data-table';
import { LoadFailure, Loading } from '../components/states';
import { ApiFailure, useLoad } from '../use-load';
import { TokensSection } from './tokens-section';

/**
 * Teams, their members and API tokens. Everyone sees their own team and tokens; team-admins also
 * manage their team's users' tokens, admins every team's. The API enforces it; the page only offers
 * what the caller may do.
 */
export function AdminPage({ whoami }: { whoami: Whoami | undefined }) {
  const [team, setTeam] = useState<string>();
  const [tokensOf, setTokensOf] = useState<string>();
  const [teams, reloadTeams] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/teams');
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, []);
  const shown = team ?? whoami?.team;
  const [members, reloadMembers] = useLoad(async () => {
    if (!shown) return [];
    const { data, error, response } = await api.GET('/v1/teams/{id}/members', {
      params: { path: { id: shown } },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [shown]);
  if (!whoami) return <Loading what="your account" />;
  const manages = (memberTeam: string) =>
    whoami.user.role === 'admin' || (whoami.user.role === 'team-admin' && memberTeam === whoami.team);

  return (
    <>
      <h1>Teams and tokens</h1>
      <section aria-labelledby="teams-title">
        <h2 id="teams-title">Teams</h2>
        <p className="muted">
          Membership comes from your sign-in provider's groups. You are {whoami.user.name}, {whoami.user.role}{' '}
          of {whoami.team}.
        </p>
        {teams.state === 'loading' && <Loading what="teams" />}
        <LoadFailure loaded={teams} onRetry={reloadTeams} />
        {teams.state === 'ready' && (
          <DataTable testId="teams" columns={['Team', 'Members']} actions>
            {teams.data.map((item) => (
              <tr key={item.id} data-team={item.id} aria-current={item.id === shown ? 'true' : undefined}>
                <th scope="row">{item.name}</th>
                <td>{item.memberCount}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setTeam(item.id)}
                    aria-label={`Show members of ${item.id}`}
                  >
                    Members
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members of {shown}</h2>
        {members.state === 'loading' && <Loading what="members" />}
        <LoadFailure loaded={members} onRetry={reloadMembers} />
        {members.state === 'ready' && shown && (
          <DataTable testId="members" columns={['User', 'Role']} actions>
            {members.data.map((member) => (
              <tr key={member.name} data-member={member.name}>
                <th scope="row">{member.name}</th>
                <td>{member.role}</td>
                <td>
                  {(member.name === whoami.user.name || manages(shown)) && (
                    <button
                      type="button"
                      onClick={() => setTokensOf(member.name === whoami.user.name ? undefined : member.name)}
                      aria-label={`Tokens of ${member.name}`}
                    >
                      Tokens
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <TokensSection key={tokensOf ?? ''} user={tokensOf} self={whoami.user.name} />
    </>
  );
}
