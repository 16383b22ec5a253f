import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Database } from '../../db/tables.js';
import type { RepresentativeSectionContext } from '../module.js';
import { postsOfOrganisations } from './queries.js';

/**
 * The pinboard on "Mein Bereich" (/my): the newest posts of the
 * representative's organisations with their state (waiting for review,
 * published, …), a link to write one and to all of them (/pinboard/mine).
 */

const shown = 5;

export async function pinboardSection(db: Kysely<Database>, context: RepresentativeSectionContext): Promise<VNode | null> {
  if (context.organisations.length === 0) return null;
  const posts = await postsOfOrganisations(db, context.organisations.map((organisation) => organisation.id));
  const { t } = context;
  return (
    <section aria-labelledby="my-pinboard" class="kern-stack-sm" id="pinboard">
      <h2 class="kern-heading-medium" id="my-pinboard">{t('pinboard.nav')}</h2>
      {posts.length === 0 ? (
        <p>{t('pinboard.mine.none')}</p>
      ) : (
        <ul class="kern-list kern-stack-xs">
          {posts.slice(0, shown).map((post) => (
            <li key={post.id} data-post={post.id} data-state={post.state}>
              <a class="kern-link" href={`/pinboard/${post.id}`}>{post.title}</a> · {t(`pinboard.kinds.${post.kind}`)} · <strong>{t(`pinboard.states.${post.state}`)}</strong>
            </li>
          ))}
        </ul>
      )}
      <ul class="kern-list">
        <li><a class="kern-link" href="/pinboard/new">{t('pinboard.actions.new')}</a></li>
        {posts.length > 0 && <li><a class="kern-link" href="/pinboard/mine">{t('pinboard.actions.mine')}</a></li>}
      </ul>
    </section>
  );
}
