/**
 * The wire of cloud call as wx-server-sdk speaks it: a multipart POST whose `requestData` field is a protobuf
 * `CommApiData` (openapi.proto), answered by a raw protobuf `CommOpenApiResp`. Multipart is split by hand on
 * bytes, because `Response.formData()` decodes text fields as UTF-8 and would mangle the protobuf.
 */
import { join } from 'node:path'
import protobuf from 'protobufjs'

const root = protobuf.loadSync(join(__dirname, 'openapi.proto'))
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export interface OpenApiRequest {
  action: string
  apiName: string
  envName: string
  /** Every multipart text field as sent (for the contract test). */
  fields: Record<string, string>
  /** The decoded pairs: key → parsed JSON value (raw bytes when the pair is a media file). */
  params: Record<string, unknown>
  /** CommApiData as sent, pairs in order with their values as text (for the contract test). */
  wire: { apiType: number; appid: string; pairs: { key: string; value: string }[] }
}

function partsOf(body: Buffer, boundary: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const sep = Buffer.from(`--${boundary}`)
  let at = body.indexOf(sep)
  while (at >= 0) {
    const next = body.indexOf(sep, at + sep.length)
    if (next < 0) break
    const part = body.subarray(at + sep.length + 2, next - 2) // skip "\r\n" after the boundary and before the next
    const split = part.indexOf('\r\n\r\n')
    const head = part.subarray(0, split).toString('utf8')
    const name = /name="([^"]*)"/i.exec(head)?.[1]
    if (name !== undefined && split >= 0) out.set(name, part.subarray(split + 4))
    at = next
  }
  return out
}

/** Decodes one `wx.openApi` request; throws on what is not one (the server answers a CloudBase error). */
export function decodeRequest(contentType: string, body: Buffer): OpenApiRequest {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2]
  if (!boundary) throw new Error('not multipart/form-data')
  const parts = partsOf(body, boundary)
  const fields: Record<string, string> = {}
  for (const [k, v] of parts) if (k !== 'requestData') fields[k] = v.toString('utf8')
  const data = CommApiData.toObject(CommApiData.decode(parts.get('requestData') ?? Buffer.alloc(0)), { defaults: true }) as {
    apiType: number
    appid: string
    openapiData?: { pairs?: { key: string; value: Uint8Array; contenttype?: string }[] }
  }
  const params: Record<string, unknown> = {}
  const pairs = data.openapiData?.pairs ?? []
  for (const p of pairs) {
    const bytes = Buffer.from(p.value)
    params[p.key] = p.contenttype ? bytes : (JSON.parse(bytes.toString('utf8')) as unknown)
  }
  const wire = {
    apiType: data.apiType,
    appid: data.appid,
    pairs: pairs.map((p) => ({ key: p.key, value: Buffer.from(p.value).toString('utf8') })),
  }
  return { action: fields.action ?? '', apiName: fields.apiName ?? '', envName: fields.envName ?? '', fields, params, wire }
}

/** WeChat's JSON answer (errcode 0 and the result, or errcode/errmsg), as cloud call wraps it. */
export function encodeJson(body: Record<string, unknown>): Buffer {
  return encodeJsonText(JSON.stringify(body))
}

/** The same from JSON text as is (WeChat's msgid is a number too big for a double: tests send it so). */
export function encodeJsonText(text: string): Buffer {
  const respData = Buffer.from(text)
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData, contentType: 'application/json', httpCode: 200 })).finish())
}

/** A binary answer (wxacode's image): the SDK hands it back as {contentType, buffer}. */
export function encodeBinary(contentType: string, bytes: Buffer): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData: bytes, contentType, httpCode: 200 })).finish())
}

/** A cloud-call system error (-601xxx: no permission, system busy…): WeChat was never asked. */
export function encodeSystemError(errorCode: number): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode, httpCode: 200 })).finish())
}
