"""The BLAS thread chooser of a window's training process (model.thread_choice), on scripted records."""
from model.thread_choice import PROBE_STEPS, ThreadChooser
from model.train import Progress


class Run:
    """Feeds a chooser batch records of a run whose speed depends on the threads it last set."""

    def __init__(self, seconds_per_step: dict[int, float], choices=(2, 1), reprobe_s=30.0, core_share=1.0):
        """core_share: the share of a core each of the run's threads gets (below 1: a busy machine)."""
        self.speed, self.calls, self.elapsed, self.step, self.epoch = dict(seconds_per_step), [], 0.0, 0, 1
        self.cpu = 0.0
        self.chooser = ThreadChooser(choices, self.calls.append, probe_s=1.0, reprobe_s=reprobe_s,
                                     cpu_clock=lambda: self.cpu, wall_clock=lambda: self.elapsed)
        self.core_share = core_share

    def steps(self, n: int) -> None:
        for _ in range(n):
            threads = self.chooser.current or next(iter(self.speed))
            self.elapsed += self.speed[threads]
            self.cpu += self.speed[threads] * threads * self.core_share
            self.step += 1
            self.chooser.observe(Progress("batch", self.epoch, 9, self.step, 1000, self.step, 9000,
                                          elapsed=self.elapsed))


def test_it_keeps_the_faster_setting_and_says_what_it_measured():
    run = Run({2: 0.5, 1: 0.2})  # a busy machine: one thread trains faster
    run.steps(40)
    assert run.calls == [2, 1] and run.chooser.current == 1
    assert run.chooser.rates[1] > 2 * run.chooser.rates[2]


def test_an_idle_machine_keeps_one_thread_per_core():
    run = Run({2: 0.1, 1: 0.18})
    run.steps(60)
    assert run.calls == [2, 1, 2] and run.chooser.current == 2


def test_it_tries_again_when_the_load_changes():
    run = Run({2: 0.1, 1: 0.18}, reprobe_s=5.0)
    run.steps(60)
    run.speed = {2: 0.6, 1: 0.2}  # other jobs start
    run.steps(150)
    assert run.chooser.current == 1


def test_a_long_round_of_trials_waits_proportionally_longer():
    run = Run({2: 3.0, 1: 0.5})  # two threads crawl: their trial alone takes seconds
    run.steps(100)  # 50 s of run
    assert run.calls == [2, 1]  # not tried again after 30 s: the trials would cost a fifth of the run


def test_a_timing_never_spans_an_epoch_end_and_one_choice_never_switches():
    run = Run({2: 0.5, 1: 0.2})
    run.steps(PROBE_STEPS + 1)
    run.epoch = 2  # validation ran in between: the trial starts over
    run.steps(1)
    assert run.chooser.rates == {}
    fixed = Run({4: 0.1}, choices=(4, 4))
    fixed.steps(50)
    assert fixed.calls == []


def test_a_trial_far_slower_than_the_best_so_far_ends_at_its_first_timing():
    run = Run({1: 0.05, 2: 0.2}, choices=(1, 2), reprobe_s=5.0)
    at_two = []
    run.chooser._set_threads = lambda n: (run.calls.append(n), at_two.append(run.step))
    run.steps(1000)  # 50 s of run, nearly all at one thread: two rounds of trials
    assert run.chooser.current == 1
    assert run.calls == [1, 2, 1, 2, 1]  # the second round starts with the choice in use: no switch
    # Each time, one step at two threads (timed from the switch), not a second's worth.
    assert all(end - start == 1 for start, end in zip(at_two[1::2], at_two[2::2]))


def test_more_threads_are_not_tried_while_one_gets_too_little_of_a_core():
    run = Run({1: 0.2, 2: 4.0}, choices=(1, 2), core_share=0.4)  # other jobs hold the cores
    run.steps(100)
    assert run.calls == [1] and run.chooser.rates.keys() == {1}


def test_when_the_load_halves_the_runs_rate_it_tries_again_at_once():
    run = Run({2: 0.1, 1: 0.18})  # an idle machine: two threads chosen
    run.steps(60)
    assert run.chooser.current == 2 and run.chooser.rounds == 1
    run.speed = {2: 0.6, 1: 0.2}  # other jobs start: two threads now crawl
    changed = run.elapsed
    run.steps(20)
    assert run.chooser.current == 1 and run.chooser.rounds == 2
    assert run.calls == [2, 1, 2, 1]
    assert run.elapsed - changed < 10  # not the 30 s until the next round was due


def test_a_run_that_slows_less_than_half_waits_for_its_next_round():
    run = Run({2: 0.1, 1: 0.18})
    run.steps(60)
    run.speed = {2: 0.15, 1: 0.18}  # a third slower: within what a shared machine does
    run.steps(100)  # 15 s more, short of the next round
    assert run.chooser.rounds == 1 and run.calls == [2, 1, 2]


def test_fewer_threads_must_be_clearly_faster_to_be_chosen():
    close = Run({2: 0.1, 1: 0.095})  # one thread 5% faster: within a trial's noise
    close.steps(60)
    assert close.chooser.current == 2
    clear = Run({2: 0.1, 1: 0.075})  # a third faster
    clear.steps(60)
    assert clear.chooser.current == 1
