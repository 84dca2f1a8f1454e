/**
 * mocha's spec reporter plus one plain closing line, "N passed, N failed, N skipped", which CI
 * reads to know how many tests ran.
 */
import Mocha from 'mocha';

class ClosingLineReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      process.stdout.write(`${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed, ${stats?.pending ?? 0} skipped\n`);
    });
  }
}

export = ClosingLineReporter;
