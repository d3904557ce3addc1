import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

// Each platform builds into its own folder: project.config.json points WeChat
// DevTools at dist/weapp, and the local host serves dist/h5.
const platform = process.env.TARO_ENV || 'weapp'
// types/ sits outside src/ (the cloud functions share it) but holds runtime code
// such as ERROR_MESSAGES, so the compiler must transpile it too.
const shared = { include: [path.resolve(__dirname, '..', 'types')] }
// The import aliases of tsconfig.json `paths` (imports reach types/ and src/ without climbing).
const alias = { '~types': path.resolve(__dirname, '..', 'types'), '~src': path.resolve(__dirname, '..', 'src') }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-member-services',
    date: '2025-11-23',
    // NutUI React Taro is drawn on a 375-wide design, ours on 750: each file is converted on its own width.
    designWidth: (input?: string | number | { file?: string }) =>
      typeof input === 'object' && input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    alias,
    // TARO_OUTPUT_ROOT lets a second build (a parallel worktree, a check) write elsewhere.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${platform}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: shared,
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        // The rem base grows with the window up to a 420 px-wide phone and no further: on a
        // 1366×768 desktop the app is a phone-width column (app.css centres it), not 40 px type.
        pxtransform: { enable: true, config: { maxRootSize: 22.4 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
