/** A unit named by its id (a parent, a filter's choice): the name once read, the id until then. */
import { useEffect, useState } from 'react';
import { knownUnit, loadUnit } from './unit-cache.ts';

export function UnitName({ id }: { id: string }) {
  const [name, setName] = useState(() => knownUnit(id)?.name ?? null);
  useEffect(() => {
    let live = true;
    void loadUnit(id).then((u) => live && setName(u?.name ?? null));
    return () => {
      live = false;
    };
  }, [id]);
  return <span title={id}>{name ?? '…'}</span>;
}
