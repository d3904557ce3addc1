import { Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { SECTORS, SINGLE_STATEMENT, type MyProfileDTO, type Sector } from '~types/matchmaking'
import { BigButton } from '~src/components/big-button'
import { Field, FieldError } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { withOwnText } from '~src/packages/matchmaking/lib/own-text'
import { formatDateTime } from '~src/utils/datetime'
import { notify } from '~src/services/notify'
import '~src/packages/matchmaking/styles.css'

const TEXT_FIELDS = { nickname: '昵称', intro: '自我介绍' }

/** Her text held by WeChat's content check (审核中) or returned by an officer with what to change (退回). */
function HoldNotice({ hold }: { hold: NonNullable<MyProfileDTO['hold']> }) {
  const text =
    hold.state === 'pending'
      ? '交友资料审核中：工作人员审核通过后即可报名联谊活动，审核期间资料不会展示给其他人。'
      : `交友资料被退回：${hold.reason ?? '请修改后重新保存'}。请修改昵称或自我介绍后重新保存。`
  return <NoticeBanner id='profile-hold' tone='warn' text={text} />
}

function WhoSees({ p }: { p: MyProfileDTO }) {
  return (
    <Text className='muted'>
      只有同场参加者能看到：昵称、出生年份（{p.rosterBirthYear ?? '—'}）、性别（
      {p.rosterGender === 'F' ? '女' : p.rosterGender === 'M' ? '男' : '—'}
      ）、行业和自我介绍。姓名、单位、电话等名册信息不会展示给任何参加者。
    </Text>
  )
}

function SectorChips({ sector, setSector, error }: { sector: Sector | null; setSector: (s: Sector) => void; error?: string }) {
  return (
    <>
      <Text className='mx-text'>行业{sector ? '' : '（请选择）'}</Text>
      <View className='mx-chips'>
        {SECTORS.map((s) => (
          <View key={s} id={`sector-${s}`} className={`mx-chip ${s === sector ? 'mx-chip--on' : ''}`} onClick={() => setSector(s)}>
            {s}
          </View>
        ))}
      </View>
      <FieldError id='sector-error' message={error} />
    </>
  )
}

type ProfileKey = 'nickname' | 'sector' | 'intro'

/** Her three answers, their messages (the form kit: each under its field, gone when she changes it) and the save. */
function useProfileForm(p: MyProfileDTO, onSaved: () => void) {
  const [nickname, setNickname] = useState(p.profile?.nickname ?? '')
  // No default 行业: a silent 企业 would be shown to every attendee as if she had chosen it.
  const [sector, setSector] = useState<Sector | null>(p.profile?.sector ?? null)
  const [intro, setIntro] = useState(p.profile?.intro ?? '')
  useEffect(() => setNickname(p.profile?.nickname ?? ''), [p.profile?.nickname])
  const errors = useFormErrors<ProfileKey>()
  const edit =
    <T,>(k: ProfileKey, set: (v: T) => void) =>
    (v: T) => {
      set(v)
      errors.changed(k)
    }
  const save = useAction(async () => {
    const found = {
      nickname: nickname.trim() ? undefined : '请填写昵称',
      sector: sector ? undefined : '请选择您所在的行业',
      intro: intro.trim() ? undefined : '请写一句自我介绍',
    }
    if (!errors.check(found) || !sector) return
    const profile = { nickname: nickname.trim(), sector, intro: intro.trim() }
    await withOwnText(TEXT_FIELDS, () => call('matchmaking', 'saveProfile', profile, { loadingText: '正在保存' }))
    notify('已保存')
    onSaved()
  })
  const values = { nickname, sector, intro }
  return {
    values,
    setNickname: edit('nickname', setNickname),
    setSector: edit('sector', setSector),
    setIntro: edit('intro', setIntro),
    errors,
    save,
  }
}

function ProfileForm({ p, onSaved }: { p: MyProfileDTO; onSaved: () => void }) {
  const { values, setNickname, setSector, setIntro, errors, save } = useProfileForm(p, onSaved)
  const { nickname, sector, intro } = values
  return (
    <View className='card'>
      <Text className='card__title'>交友资料</Text>
      {p.hold && <HoldNotice hold={p.hold} />}
      <WhoSees p={p} />
      <Field
        id='nickname'
        label='昵称'
        value={nickname}
        onInput={setNickname}
        maxlength={12}
        placeholder='例如：爱跑步的小周'
        error={errors.of('nickname')}
      />
      <SectorChips sector={sector} setSector={setSector} error={errors.of('sector')} />
      <Text className='mx-text'>自我介绍（120 字以内）</Text>
      <Textarea id='intro' className='mx-textarea' value={intro} maxlength={120} onInput={(e) => setIntro(e.detail.value)} />
      <FieldError id='intro-error' message={errors.of('intro')} />
      {save.error && (
        <Text id='profile-error' className='error-text'>
          {save.error}
        </Text>
      )}
      <BigButton id='save-profile' loading={save.busy} onClick={() => void save.run()}>
        保存资料
      </BigButton>
    </View>
  )
}

function Statement({ p, onChange }: { p: MyProfileDTO; onChange: () => void }) {
  const signed = p.statement && !p.statement.withdrawnAt && p.statement.version === SINGLE_STATEMENT.version
  const act = useAction(async (sign: boolean) => {
    if (sign) await call('matchmaking', 'signStatement', { version: SINGLE_STATEMENT.version })
    else await call('matchmaking', 'withdrawStatement', {})
    onChange()
  })
  return (
    <View className='card'>
      <Text className='card__title'>单身承诺</Text>
      <Text id='statement-text' className='mx-text'>
        {SINGLE_STATEMENT.text}
      </Text>
      {signed ? (
        <Text id='statement-signed' className='mx-text mx-ok'>
          已于 {formatDateTime(p.statement!.signedAt)} 签署（{p.statement!.version}）
        </Text>
      ) : null}
      {signed ? (
        <BigButton id='withdraw-statement' variant='danger' onClick={() => void act.run(false)}>
          撤回承诺（将同时取消未签到的报名）
        </BigButton>
      ) : (
        <BigButton id='sign-statement' loading={act.busy} onClick={() => void act.run(true)}>
          我已阅读并承诺
        </BigButton>
      )}
      {act.error && <Text className='error-text'>{act.error}</Text>}
    </View>
  )
}

function Bar({ p, onChange }: { p: MyProfileDTO; onChange: () => void }) {
  const [text, setText] = useState('')
  const appeal = useAction(async () => {
    if (!text.trim()) throw new Refusal('请写明申诉理由')
    await call('matchmaking', 'appealBar', { text: text.trim() })
    onChange()
  })
  const bar = p.bar!
  return (
    <View id='bar' className='card'>
      <Text className='card__title mx-warn'>暂停参加至 {formatDateTime(bar.until)}</Text>
      <Text className='mx-text'>原因：{bar.reason}</Text>
      {bar.appeal ? (
        <Text className='mx-text'>
          已申诉（{bar.appeal.outcome === 'pending' ? '处理中' : bar.appeal.outcome === 'lifted' ? '已解除' : '维持原决定'}）
        </Text>
      ) : (
        <View>
          <Textarea
            id='appeal-text'
            className='mx-textarea'
            value={text}
            maxlength={300}
            placeholder='每次暂停可申诉一次'
            onInput={(e) => setText(e.detail.value)}
          />
          {appeal.error && <Text className='error-text'>{appeal.error}</Text>}
          <BigButton id='appeal' onClick={() => void appeal.run()}>
            提交申诉
          </BigButton>
        </View>
      )}
    </View>
  )
}

/** The profile made for mixers only, the single statement, and any bar with its one appeal. */
export default function ProfilePage() {
  const mine = useRemote((silent) => call('matchmaking', 'myProfile', {}, { silent }))
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={mine}>
        {(p) => (
          <View>
            {p.bar && <Bar p={p} onChange={() => void mine.reload()} />}
            <ProfileForm p={p} onSaved={() => void mine.reload()} />
            <Statement p={p} onChange={() => void mine.reload()} />
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
