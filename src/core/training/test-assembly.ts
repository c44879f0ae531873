/**
 * Assembling one participant's test: draw `perModule` questions from each module's bank, shuffle
 * the question order and each question's options, all from one seed per participant and test.
 * Pure: the server stores the result (question ids and option orders) so a resumed test is the
 * same test.
 */
import { seededRandom, shuffled } from "./random.ts";

export interface BankQuestion {
  id: string;
  moduleId: string;
  /** Number of options as stored in the bank (2 for true/false). */
  optionCount: number;
}

export interface AssembledItem {
  position: number;
  questionId: string;
  /** optionOrder[displayed index] = index of the option in the bank. */
  optionOrder: number[];
}

/**
 * Draws and shuffles. Modules are visited in the order given; a module with fewer questions than
 * `perModule` contributes all of them. Questions within a module are drawn by shuffling the bank.
 */
export function assembleTest(
  bank: readonly BankQuestion[],
  perModule: number,
  seed: number,
): AssembledItem[] {
  const random = seededRandom(seed);
  const byModule = new Map<string, BankQuestion[]>();
  for (const q of [...bank].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = byModule.get(q.moduleId) ?? [];
    list.push(q);
    byModule.set(q.moduleId, list);
  }
  const drawn: BankQuestion[] = [];
  for (const questions of byModule.values()) drawn.push(...shuffled(questions, random).slice(0, perModule));
  return shuffled(drawn, random).map((q, position) => ({
    position,
    questionId: q.id,
    optionOrder: shuffled(
      Array.from({ length: q.optionCount }, (_, i) => i),
      random,
    ),
  }));
}
