import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EventComment } from '../../../shared/workshops/presentation-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { useErrorText } from '../../lib/problems.js';
import { CommentList } from './event-parts.js';
import { eventApi, eventQueryKey, type FacilitatorView, putComment } from './event-queries.js';
import { commentsOf, currentOf } from './event-state.js';

/** The current presentation's comments as they arrive, each with 非表示/再表示 for moderation. */
export function CommentWall({ orgId, view }: { orgId: string; view: FacilitatorView }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const current = currentOf(view);
  const moderate = useMutation({
    mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) => eventApi.moderate(orgId, view.id, id, hidden),
    onSuccess: (comment) => putComment(queryClient, eventQueryKey(orgId, view.id), comment),
  });
  const comments = current ? commentsOf(view, current.presentation.id, { withHidden: true }) : [];
  const action = (comment: EventComment) => {
    const who = comment.author ?? t('presentations.results.anonymous');
    return (
      <Button
        size="sm"
        variant="tertiary"
        className="event-comment__action"
        disabled={moderate.isPending && moderate.variables?.id === comment.id}
        onClick={() => moderate.mutate({ id: comment.id, hidden: !comment.hidden })}
      >
        {comment.hidden ? t('presentations.console.unhide') : t('presentations.console.hide')}
        <span className="visually-hidden">
          {t('presentations.create.rowAction', { row: t('presentations.console.commentBy', { author: who }) })}
        </span>
      </Button>
    );
  };
  return (
    <section aria-labelledby="event-wall" className="panel event-wall">
      <h2 id="event-wall" className="section__title">
        {t('presentations.console.wallTitle')}
      </h2>
      {current && (
        <p className="field__hint">{t('presentations.console.wallOf', { title: current.presentation.title })}</p>
      )}
      {moderate.isError && <Alert tone="error">{describe(moderate.error)}</Alert>}
      {current ? (
        <CommentList comments={comments} action={action} emptyText={t('presentations.console.wallEmpty')} />
      ) : (
        <p>{t('presentations.console.noCurrentWall')}</p>
      )}
    </section>
  );
}
