<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>shuwu</name>
    <message>
      <source>Overview</source>
      <translation>总览</translation>
    </message>
    <message>
      <source>Branches and devices</source>
      <translation>馆点与设备</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>Union catalogue</source>
      <translation>联合目录</translation>
    </message>
    <message>
      <source>Policies</source>
      <translation>流通规则</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>统计报表</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>工作人员账号</translation>
    </message>
    <message>
      <source>admin</source>
      <translation>县馆管理员</translation>
    </message>
    <message>
      <source>supervisor</source>
      <translation>乡镇督导</translation>
    </message>
    <message>
      <source>readonly</source>
      <translation>只读</translation>
    </message>
    <message>
      <source>county</source>
      <translation>县馆</translation>
    </message>
    <message>
      <source>township</source>
      <translation>乡镇分馆</translation>
    </message>
    <message>
      <source>village</source>
      <translation>村书屋</translation>
    </message>
    <message>
      <source>available</source>
      <translation>在架</translation>
    </message>
    <message>
      <source>on_loan</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>in_transit</source>
      <translation>在途</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>丢失待查</translation>
    </message>
    <message>
      <source>lost</source>
      <translation>遗失</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已剔除</translation>
    </message>
    <message>
      <source>damaged</source>
      <translation>损坏</translation>
    </message>
    <message>
      <source>checkout</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>checkout_parked</source>
      <translation>借出（暂存）</translation>
    </message>
    <message>
      <source>return</source>
      <translation>归还</translation>
    </message>
    <message>
      <source>renew</source>
      <translation>续借</translation>
    </message>
    <message>
      <source>found</source>
      <translation>找回</translation>
    </message>
    <message>
      <source>DOUBLE_CHECKOUT</source>
      <translation>重复借出</translation>
    </message>
    <message>
      <source>ORPHAN_RETURN</source>
      <translation>无借出记录的归还</translation>
    </message>
    <message>
      <source>POLICY_OVERRIDE_OFFLINE</source>
      <translation>离线越权借出</translation>
    </message>
    <message>
      <source>STAFF_OVERRIDE</source>
      <translation>馆员越权操作</translation>
    </message>
    <message>
      <source>LOST_ITEM_FOUND</source>
      <translation>丢失图书找回</translation>
    </message>
    <message>
      <source>UNKNOWN_BARCODE</source>
      <translation>未知条码</translation>
    </message>
    <message>
      <source>UNKNOWN_CARD</source>
      <translation>未知读者证</translation>
    </message>
    <message>
      <source>DUE_DATE_SUSPECT</source>
      <translation>应还日期可疑</translation>
    </message>
    <message>
      <source>CATALOGUE_CONFLICT</source>
      <translation>书目冲突</translation>
    </message>
    <message>
      <source>CLOCK_SKEW</source>
      <translation>时钟偏差</translation>
    </message>
    <message>
      <source>OUT_OF_SCOPE</source>
      <translation>他馆复本未改动</translation>
    </message>
    <message>
      <source>Signed in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Wrong password</source>
      <translation>密码错误</translation>
    </message>
    <message>
      <source>Staff account added</source>
      <translation>添加工作人员账号</translation>
    </message>
    <message>
      <source>Staff account enabled</source>
      <translation>启用工作人员账号</translation>
    </message>
    <message>
      <source>Staff account disabled</source>
      <translation>停用工作人员账号</translation>
    </message>
    <message>
      <source>Branch added</source>
      <translation>添加馆点</translation>
    </message>
    <message>
      <source>PC registered</source>
      <translation>登记电脑</translation>
    </message>
    <message>
      <source>PC revoked</source>
      <translation>停用电脑</translation>
    </message>
    <message>
      <source>Conflict resolved</source>
      <translation>处理冲突</translation>
    </message>
    <message>
      <source>Reader's phone shown</source>
      <translation>查看读者电话</translation>
    </message>
    <message>
      <source>Loan rule changed</source>
      <translation>修改借阅规则</translation>
    </message>
    <message>
      <source>Credit-point rules changed</source>
      <translation>修改信用积分规则</translation>
    </message>
    <message>
      <source>Amnesty window opened</source>
      <translation>开设免扣期</translation>
    </message>
    <message>
      <source>Amnesty window removed</source>
      <translation>删除免扣期</translation>
    </message>
    <message>
      <source>Report downloaded</source>
      <translation>下载报表</translation>
    </message>
    <message>
      <source>Population served changed</source>
      <translation>修改服务人口</translation>
    </message>
    <message>
      <source>MARC file imported</source>
      <translation>导入 MARC 文件</translation>
    </message>
    <message>
      <source>Copy-cataloguing target added</source>
      <translation>添加套录书目源</translation>
    </message>
    <message>
      <source>Copy-cataloguing target reordered</source>
      <translation>调整套录书目源顺序</translation>
    </message>
    <message>
      <source>Copy-cataloguing target removed</source>
      <translation>删除套录书目源</translation>
    </message>
    <message>
      <source>loan_days</source>
      <translation>借期（天）</translation>
    </message>
    <message>
      <source>max_items</source>
      <translation>可借册数</translation>
    </message>
    <message>
      <source>max_renewals</source>
      <translation>可续借次数</translation>
    </message>
    <message>
      <source>renew_days</source>
      <translation>续借天数</translation>
    </message>
    <message>
      <source>start_points</source>
      <translation>初始积分</translation>
    </message>
    <message>
      <source>deduct_per_item_day</source>
      <translation>每册每天扣分</translation>
    </message>
    <message>
      <source>cap_per_item</source>
      <translation>每册扣分上限</translation>
    </message>
    <message>
      <source>floor</source>
      <translation>最低积分</translation>
    </message>
    <message>
      <source>borrow_threshold</source>
      <translation>可借最低积分</translation>
    </message>
    <message>
      <source>freeze_days</source>
      <translation>冻结天数</translation>
    </message>
    <message>
      <source>reset_points</source>
      <translation>解冻后积分</translation>
    </message>
    <message>
      <source>grace_days</source>
      <translation>宽限天数</translation>
    </message>
    <message>
      <source>Loans per resident</source>
      <translation>人均借阅量</translation>
    </message>
    <message>
      <source>Visits per resident</source>
      <translation>人均到馆次数</translation>
    </message>
    <message>
      <source>Registered readers per resident</source>
      <translation>人均注册读者</translation>
    </message>
    <message>
      <source>New books per resident</source>
      <translation>人均年增新书</translation>
    </message>
    <message>
      <source>Holdings per resident</source>
      <translation>人均馆藏</translation>
    </message>
  </context>
</TS>
