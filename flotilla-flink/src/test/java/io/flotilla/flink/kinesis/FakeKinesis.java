package io.flotilla.flink.kinesis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;

/** A scripted Kinesis: GetRecords answers (or throws) what the test queued, in order. */
final class FakeKinesis implements KinesisClient {

  final List<GetShardIteratorRequest> iteratorRequests = new ArrayList<>();
  private final Deque<Supplier<GetRecordsResponse>> answers = new ArrayDeque<>();

  void then(Supplier<GetRecordsResponse> answer) {
    answers.addLast(answer);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    iteratorRequests.add(request);
    return GetShardIteratorResponse.builder()
        .shardIterator("it-" + iteratorRequests.size())
        .build();
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    Supplier<GetRecordsResponse> answer = answers.pollFirst();
    if (answer == null) {
      throw new IllegalStateException("no scripted answer for " + request);
    }
    return answer.get();
  }

  @Override
  public String serviceName() {
    return "kinesis";
  }

  @Override
  public void close() {}
}
