from aiokafka import TopicPartition

from warwire.group_lag import PartitionLag, group_lag

P0 = TopicPartition("articles", 0)
P1 = TopicPartition("articles", 1)
P2 = TopicPartition("articles", 2)


def test_lag_runs_from_the_committed_offset_or_the_start_of_the_log() -> None:
    lags = group_lag(
        committed={P0: 7, P1: None},
        beginnings={P0: 0, P1: 4, P2: 0},
        ends={P0: 10, P1: 9, P2: 0},
    )
    assert lags == {
        P0: PartitionLag(committed=7, lag=3),
        P1: PartitionLag(committed=None, lag=5),
        P2: PartitionLag(committed=None, lag=0),
    }


def test_a_commit_beyond_the_end_the_broker_reports_is_no_negative_lag() -> None:
    # The embedded broker reports end offsets from batch bases; a commit may run ahead of it.
    assert group_lag({P0: 12}, {P0: 0}, {P0: 10}) == {P0: PartitionLag(committed=12, lag=0)}


def test_the_broker_s_no_offset_marker_counts_as_never_committed() -> None:
    assert group_lag({P0: -1}, {P0: 2}, {P0: 6}) == {P0: PartitionLag(committed=None, lag=4)}
