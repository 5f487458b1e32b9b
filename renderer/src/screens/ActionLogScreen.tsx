export function ActionLogScreen({ bodyId }: { bodyId: number }) {
  return <div className="screen" data-body={bodyId} />;
}
