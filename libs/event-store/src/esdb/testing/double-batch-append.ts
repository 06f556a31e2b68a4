/**
 * TEST CODE ONLY. Streams.BatchAppend of the protocol double, with EventStoreDB's semantics:
 * one bidirectional call carries many appends told apart by their correlation id; the first
 * request of an append carries its options (stream, expected revision), later ones only more
 * proposed messages; the append is written, all or nothing, when the request marked
 * `is_final` arrives, and answered with the same correlation id: `success` (current revision
 * and position) or `error`, a google.rpc.Status whose details pack the reason
 * (`event_store.client.WrongExpectedVersion`) as the client unpacks it.
 */
import type * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb.js';
import {
  AllStreamPosition,
  Unknown,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb.js';
import { Status } from '@eventstore/db-client/generated/status_pb.js';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb.js';
import { Empty, streamName, type CommitOutcome, type Expected, type ProposedLike } from './double-log.js';

export type BatchAppendCall = grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>;
export type Commit = (stream: string, expected: Expected, proposed: readonly ProposedLike[]) => CommitOutcome;

/** google.rpc.Code FAILED_PRECONDITION, as the server reports a wrong expected version. */
const FAILED_PRECONDITION = 9;
const INVALID_ARGUMENT = 3;

interface Pending {
  readonly options: BatchAppendReq.Options;
  readonly messages: ProposedLike[];
}

export function serveBatchAppend(call: BatchAppendCall, commit: Commit): void {
  const pending = new Map<string, Pending>();
  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const key = correlation?.getString() ?? '';
    let append = pending.get(key);
    if (!append) {
      const options = request.getOptions();
      if (!options) {
        call.write(
          failure(request, undefined, INVALID_ARGUMENT, 'the first request of an append carries its options'),
        );
        return;
      }
      append = { options, messages: [] };
      pending.set(key, append);
    }
    append.messages.push(...request.getProposedMessagesList());
    if (!request.getIsFinal()) return;
    pending.delete(key);
    call.write(answer(request, append, commit));
  });
  call.on('end', () => call.end());
  call.on('error', () => undefined);
}

function expectedOf(options: BatchAppendReq.Options): Expected {
  if (options.hasStreamPosition()) return Number(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function answer(request: BatchAppendReq, append: Pending, commit: Commit): BatchAppendResp {
  const { options } = append;
  const expected = expectedOf(options);
  const outcome = commit(streamName(options.getStreamIdentifier()), expected, append.messages);
  const response = base(request, options, expected);
  if (!outcome.ok) {
    const wrong = new WrongExpectedVersion();
    if (outcome.current === null) wrong.setCurrentNoStream(new Empty());
    else wrong.setCurrentStreamRevision(String(outcome.current));
    if (typeof expected === 'number') wrong.setExpectedStreamPosition(String(expected));
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
    else wrong.setExpectedAny(new Empty());
    const details = new Any();
    details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    return response.setError(
      new Status().setCode(FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(details),
    );
  }
  const success = new BatchAppendResp.Success();
  if (outcome.revision === null) success.setNoStream(new Empty());
  else success.setCurrentRevision(String(outcome.revision));
  if (outcome.last)
    success.setPosition(
      new AllStreamPosition()
        .setCommitPosition(String(outcome.last.position))
        .setPreparePosition(String(outcome.last.position)),
    );
  else success.setNoPosition(new Empty());
  return response.setSuccess(success);
}

function base(request: BatchAppendReq, options: BatchAppendReq.Options, expected: Expected): BatchAppendResp {
  const response = new BatchAppendResp()
    .setCorrelationId(request.getCorrelationId())
    .setStreamIdentifier(options.getStreamIdentifier());
  if (typeof expected === 'number') response.setStreamPosition(String(expected));
  else if (expected === 'no_stream') response.setNoStream(new Empty());
  else if (expected === 'stream_exists') response.setStreamExists(new Empty());
  else response.setAny(new Empty());
  return response;
}

function failure(
  request: BatchAppendReq,
  options: BatchAppendReq.Options | undefined,
  code: number,
  message: string,
): BatchAppendResp {
  const response = new BatchAppendResp().setCorrelationId(request.getCorrelationId());
  if (options) response.setStreamIdentifier(options.getStreamIdentifier());
  const details = new Any();
  details.pack(new Unknown().serializeBinary(), 'event_store.client.Unknown');
  return response.setError(new Status().setCode(code).setMessage(message).setDetails(details));
}
