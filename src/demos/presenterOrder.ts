import { DEMO_IDS, type DemoId } from '../lesson/demos';
import { LECTURE, PRACTICE } from '../lesson/schedule';

/**
 * The demos in the order the plan uses them: the lecture's blocks first, then the practice's, each
 * block's own demo and the parts of its summary (the live demo: predict, train, clip) before its
 * bullets' — so "Step through all" follows the class. Demos the
 * schedule does not mention come last, so none is unreachable.
 */
export function presenterOrder(): DemoId[] {
  const order: DemoId[] = [];
  for (const schedule of [LECTURE, PRACTICE]) {
    for (const block of schedule.blocks) {
      for (const id of [block.demo, ...(block.demoParts ?? []).map((d) => d.demo), ...block.bullets.map((b) => b.demo)]) {
        if (id && !order.includes(id)) order.push(id);
      }
    }
  }
  for (const id of DEMO_IDS) if (!order.includes(id)) order.push(id);
  return order;
}
