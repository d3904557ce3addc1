import { lazy, Suspense } from 'react'
import { Alert, Button, Card, Col, Loading, Row, Statistic } from 'tdesign-react'
import { useRemote } from '../use-remote'
import { loadFigures } from './home-figures'

// ECharts is loaded only here, only once the figures are in: the first load of the console stays small.
const ServicesChart = lazy(() => import('./services-chart'))

/** 首页: every service's figures at a glance, and a chart of what each service runs. */
export default function HomePage() {
  const figures = useRemote(loadFigures)
  return (
    <>
      <h2 className='page-title'>首页</h2>
      {figures.error && <Alert theme='error' message={figures.error} operation={<Button onClick={figures.reload}>重试</Button>} />}
      {!figures.data && !figures.error && <Loading text='正在汇总各项服务的数据…' />}
      {figures.data && (
        <>
          <Row gutter={[16, 16]}>
            {figures.data.map((f) => (
              <Col span={4} key={f.key}>
                <Card bordered={false} className={`figure figure--${f.key}`}>
                  {f.value === null ? (
                    <div>
                      <div className='muted'>{f.label}</div>
                      <div className='figure-missing'>暂无数据</div>
                    </div>
                  ) : (
                    <Statistic title={f.label} value={f.value} unit={f.unit} />
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <Card bordered={false} title='各项服务当前的活动数' style={{ marginTop: 16 }}>
            <Suspense fallback={<Loading text='正在加载图表…' />}>
              <ServicesChart figures={figures.data.filter((f) => f.key !== 'roster' && f.key !== 'deletions')} />
            </Suspense>
          </Card>
        </>
      )}
    </>
  )
}
