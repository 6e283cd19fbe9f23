import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import type { NavItem } from './nav-items';

const FeedbackDeskPage = lazy(() =>
  import('../features/feedback/FeedbackDeskPage').then((m) => ({ default: m.FeedbackDeskPage })),
);

/** The commune's feedback desk (phản ánh, kiến nghị — issue 18 item 3): list and one item's handling. */
export function feedbackRoutes() {
  return [
    <Route key="feedback" path="xu-ly-phan-anh" element={<FeedbackDeskPage />} />,
    <Route key="feedback-item" path="xu-ly-phan-anh/:code" element={<FeedbackDeskPage />} />,
  ];
}

/** The commune's officers handle feedback; province and administrators read it through the API. */
export function feedbackNav(me: Me | null | undefined): NavItem[] {
  if (!me || !['reception', 'specialist', 'leader'].includes(me.role)) return [];
  return [{ to: '/xu-ly-phan-anh', labelKey: 'feedback:staff.nav', testId: 'nav-feedback' }];
}
