/**
 * CloudBase's own error codes, as the real service answers them, so code that
 * branches on `err.code` behaves the same locally and in production.
 * Messages follow the service's "[Reason] text" shape, with the sentence the
 * service ends every error with (callers that compare messages notice it).
 */
export const ENDING = ' Please check your request, but if the problem persists, contact us.'

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message.endsWith(ENDING) ? message : `${message}${ENDING}`)
  }
}

export const duplicateWrite = (coll: string, id: unknown): EmulatorError =>
  new EmulatorError(
    'DATABASE_DUPLICATE_WRITE',
    `[DuplicateWrite] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  )

export const collectionNotExist = (coll: string): EmulatorError =>
  new EmulatorError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${coll}`)

export const collectionAlreadyExist = (coll: string): EmulatorError =>
  new EmulatorError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${coll}`)

export const invalidParam = (message: string): EmulatorError => new EmulatorError('INVALID_PARAM', `[InvalidParameter] ${message}`)

/** A query, update or pipeline the engine rejects (unknown operator, bad shape). */
export const badRequest = (message: string): EmulatorError => new EmulatorError('DATABASE_REQUEST_FAILED', `[InvalidParameter] ${message}`)

export const transactionConflict = (): EmulatorError =>
  new EmulatorError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
  )

export const transactionNotExist = (): EmulatorError =>
  new EmulatorError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.',
  )

export const unsupportedAction = (action: unknown): EmulatorError =>
  new EmulatorError(
    'INVALID_PARAM',
    `[UnsupportedOperation] the local CloudBase emulator does not implement action ${JSON.stringify(action)}`,
  )

export const systemError = (message: string): EmulatorError => new EmulatorError('SYS_ERR', message)

/** notablescan mode (docs/emulator.md): MongoDB's NoQueryExecutionPlans, with what to declare. */
export const noIndex = (coll: string, size: number, criteria: unknown, order: unknown): EmulatorError =>
  new EmulatorError(
    'DATABASE_REQUEST_FAILED',
    `[NoQueryExecutionPlans] no declared index serves this query on ${coll} (${size} documents, notablescan mode): ` +
      `query ${JSON.stringify(criteria)}${order ? ` order ${JSON.stringify(order)}` : ''}; ` +
      `declare an index on its first pinned field in cloudfunctions/common/indexes.ts.`,
  )
