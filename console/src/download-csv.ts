export { downloadCsv } from './download-export'
