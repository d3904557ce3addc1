import { createRoot } from 'react-dom/client'
// TDesign's design tokens (sizes, colours): its components' own styles come with each component
import 'tdesign-react/es/style/index.css'
import { App } from './app'
import './styles.css'

createRoot(document.getElementById('root')!).render(<App />)
