/** The bookings table's input (issue 18): the programme, the filters, a page. */
import { z } from 'zod'
import { id as anId } from '../common/schema'
import { tablePageFields } from '../common/table-query'

const id = anId(96)

export const bookingTable = z.strictObject({
  ...tablePageFields(['sessionAt', 'bookedAt']),
  programmeId: id,
  siteId: id.optional(),
  sessionId: id.optional(),
  status: z.enum(['booked', 'checked_in', 'no_show', 'cancelled']).optional(),
})
