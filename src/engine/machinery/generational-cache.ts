// A module-level memo that forgets. Caches shared by every sandbox in an isolate (interned values,
// parsed keys) must not grow with what one sandbox ever wrote: a Durable Object isolate has 128 MB
// for all of its sandboxes. Two generations: entries go into the young one; once it weighs
// `maxWeight`, it becomes the old one and the previous old one is dropped. A hit in the old
// generation moves the entry back into the young one, so what is in use survives a turnover while
// what was seen once leaves after two. Memory stays under twice the bound.
export class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly maxWeight: number,
    /** What one entry weighs (1 per entry by default). */
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) {
      this.old.delete(key);
      this.set(key, o);
    }
    return o;
  }

  set(key: K, value: V): void {
    if (this.weight >= this.maxWeight) {
      this.old = this.young;
      this.young = new Map();
      this.weight = 0;
    }
    this.young.set(key, value);
    this.weight += this.weigh(key, value);
  }

  /** Entries held, both generations (for tests). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
