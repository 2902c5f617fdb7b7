/** Budget units (预算单位). */
import type { Db } from '../open-database.ts';

export interface Unit {
  id: string;
  name: string;
}

export class UnitRepository {
  constructor(private readonly db: Db) {}

  list(onlyId: string | null = null): Promise<Unit[]> {
    let query = this.db.selectFrom('units').select(['id', 'name']).orderBy('name');
    if (onlyId !== null) query = query.where('id', '=', onlyId);
    return query.execute();
  }

  async get(id: string): Promise<Unit | undefined> {
    return this.db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  }

  async create(unit: Unit, at: string): Promise<void> {
    await this.db.insertInto('units').values({ ...unit, created_at: at }).execute();
  }

  async createMany(units: readonly Unit[], at: string): Promise<void> {
    for (let i = 0; i < units.length; i += 1000) {
      await this.db.insertInto('units').values(units.slice(i, i + 1000).map((u) => ({ ...u, created_at: at }))).execute();
    }
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
