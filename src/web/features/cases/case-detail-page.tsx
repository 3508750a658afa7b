export function CaseDetailPage() {
  return null;
}
