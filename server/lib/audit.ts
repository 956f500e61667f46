// Typed, append-only audit events, written with the transaction of the change they record.
import type { Database, Tx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../auth/access.js';

export const auditActions = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出',
  'auth.passwordChanged': '修改密码',
  'auth.roleSwitched': '切换身份',
  'account.unlocked': '解锁账号',
  'account.passwordReset': '重置密码',
  'account.passwordResetBySms': '短信验证码重置密码',
  'account.phoneBound': '绑定手机号',
  'physician.idNumberViewed': '查看完整证件号码',
  'authority.created': '创建卫生行政部门账号',
  'cycle.created': '创建考核周期',
  'cycle.updated': '修改考核周期',
  'policy.updated': '修改考核政策',
  'institution.created': '新增机构账号',
  'institution.imported': '批量导入机构账号',
  'institution.updated': '修改机构信息',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'department.created': '创建科室',
  'department.updated': '编辑科室',
  'department.disabled': '停用科室',
  'department.enabled': '启用科室',
  'department.deleted': '删除科室',
  'assessorApplication.opened': '开通申请权限',
  'assessorApplication.submitted': '提交考核机构申请',
  'assessorApplication.approved': '考核机构申请通过',
  'assessorApplication.rejected': '考核机构申请驳回',
  'assessor.assigned': '指定考核机构',
  'committeeMember.created': '添加考核委员会成员',
  'committeeMember.updated': '修改考核委员会成员',
  'committeeMember.deleted': '删除考核委员会成员',
  'notice.created': '新建通知公告',
  'notice.updated': '修改通知公告',
  'notice.published': '发布通知公告',
  'notice.withdrawn': '撤回通知公告',
  'notice.deleted': '删除通知公告',
  'cycle.confirmed': '确认考核周期',
  'physician.created': '新增医师',
  'physician.imported': '批量导入医师',
  'physician.deleted': '删除医师',
  'physician.photoUpdated': '上传医师照片',
  'physician.transferredOut': '调离医师',
  'physician.transferredIn': '调入医师',
  'enrolment.enrolled': '参加考核',
  'enrolment.cancelled': '取消参加',
  'enrolment.withdrawn': '调离退出考核',
  'enrolment.submitted': '提交报名信息',
  'enrolment.returnedByAuthority': '卫生行政部门退回报名',
  'enrolment.returnedByInstitution': '医疗卫生机构打回报名',
  'physician.hidden': '隐藏医师',
  'enrolment.withdrawnByHiding': '隐藏医师退出考核',
  'physician.unhidden': '取消隐藏',
  'enrolment.approvedByInstitution': '医疗卫生机构审核通过',
  'enrolment.rejectedByInstitution': '医疗卫生机构驳回',
  'enrolment.approvedByAssessor': '考核机构复核通过',
  'enrolment.rejectedByAssessor': '考核机构驳回',
  'exemption.approvedByInstitution': '医疗卫生机构免考审核通过',
  'exemption.rejectedByInstitution': '医疗卫生机构免考驳回',
  'exemption.approvedByAssessor': '考核机构免考复核通过',
  'exemption.rejectedByAssessor': '考核机构免考驳回',
  'review.opinionAdded': '新增多执业机构其他意见',
  'changeRequest.submitted': '提交医师信息修改申请',
  'changeRequest.approved': '通过医师信息修改申请',
  'changeRequest.rejected': '驳回医师信息修改申请',
  'exam.started': '开始考试',
  'exam.submitted': '提交试卷',
  'enrolment.testPassed': '测评合格',
  'enrolment.testFailed': '测评不合格',
  'enrolment.retakeAllowed': '允许补考',
  'enrolment.retakeDeclined': '不允许补考',
  'questionBank.itemCreated': '新增试题',
  'questionBank.itemUpdated': '编辑试题',
  'questionBank.itemVersioned': '编辑试题（已被抽取，生成新版本）',
  'questionBank.itemDisabled': '停用试题',
  'questionBank.itemEnabled': '启用试题',
  'questionBank.imported': '批量导入试题',
  'questionBank.exported': '导出题库',
  'paperRule.saved': '保存试卷规则',
  'certificate.revoked': '撤销合格证书',
  'certificate.restored': '恢复合格证书',
  'certificate.sealUploaded': '上传发证机关公章',
  'proctoring.viewed': '查看监考照片',
  'proctoring.suspected': '标记疑似作弊',
  'proctoring.cheatingConfirmed': '认定作弊',
  'proctoring.cheatingRevoked': '撤销认定作弊',
  'proctoring.snapshotsPurged': '删除超过保存期限的监考照片',
} as const;
export type AuditAction = keyof typeof auditActions;

export interface AuditEvent {
  action: AuditAction;
  actor?: Pick<Actor, 'accountId' | 'role'> | null;
  targetType?: string;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function recordAudit(db: Database | Tx, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    action: event.action,
    actorAccountId: event.actor?.accountId ?? null,
    actorRole: event.actor?.role ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId === undefined ? null : String(event.targetId),
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.ip ?? null,
  });
}
