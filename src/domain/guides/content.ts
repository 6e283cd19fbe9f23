/*
 * The seeded guides (version 1). Facts come from docs/domain-vn.md §2–§5 and the procedure records in
 * data/procedures.json; where the rule of a province or the exact legal article is not known, the text
 * says so in general terms and points the officer to the procedure as published by the province.
 * The province administrator corrects and extends them in the app (each edit a new version).
 */
import type { IntakeGuideBody, StepGuideBody, StepKey } from './guide.ts';

const REFUSAL_FORM =
  'Từ chối phải lập Phiếu từ chối tiếp nhận giải quyết hồ sơ, ghi rõ lý do cụ thể, ký và ghi rõ họ tên người từ chối; không từ chối bằng lời nói.';
const ONE_TIME_GUIDANCE =
  'Hồ sơ thiếu nhưng người nộp có thể bổ sung: không từ chối mà lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, ghi đủ MỘT LẦN tất cả những gì còn thiếu.';
const BOUNDARY_FREE =
  'Không được từ chối chỉ vì người nộp cư trú ở xã khác trong tỉnh: Trung tâm tiếp nhận hồ sơ không phụ thuộc địa giới hành chính trong phạm vi tỉnh và chuyển đến cơ quan có thẩm quyền.';
const CERT_REFUSALS = [
  'Bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ; bị hư hỏng, cũ nát, không xác định được nội dung.',
  'Bản chính có dấu hiệu giả mạo hoặc được cấp sai thẩm quyền.',
  'Nội dung giấy tờ trái pháp luật, đạo đức xã hội; tuyên truyền, kích động chiến tranh, chống chế độ; xuyên tạc lịch sử; xúc phạm danh dự, nhân phẩm của cá nhân, tổ chức.',
  'Giấy tờ thuộc loại pháp luật không cho phép chứng thực, hoặc có đóng dấu mật của cơ quan có thẩm quyền.',
  'Lý do từ chối ghi theo đúng trường hợp “không được chứng thực” trong quy định về chứng thực đang có hiệu lực; chưa chắc thì hỏi công chức Tư pháp – hộ tịch trước khi trả lời người dân.',
];

export const INTAKE_GUIDES: Record<string, IntakeGuideBody> = {
  '2.000815': {
    checks: [
      'Người yêu cầu xuất trình BẢN CHÍNH: đối chiếu từng trang bản sao với bản chính (nội dung, dấu, chữ ký).',
      'Bản chính do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận (giấy tờ nước ngoài là thủ tục khác, phải hợp pháp hóa lãnh sự trừ trường hợp được miễn).',
      'Đếm số trang, số bản để tính phí và xác định thời hạn (nhiều trang, nhiều bản có thể kéo dài thêm tối đa 02 ngày làm việc hoặc theo thỏa thuận bằng văn bản).',
      'Nhận sau 15 giờ thì hẹn trả trong ngày làm việc tiếp theo.',
    ],
    mistakes: [
      'Nhận bản photo mà không có bản chính để đối chiếu.',
      'Chứng thực bản sao từ một bản sao (kể cả bản sao đã chứng thực) — chỉ chứng thực từ bản chính.',
      'Quên ghi vào sổ chứng thực hoặc đóng dấu giáp lai khi bản sao có từ hai trang trở lên.',
      'Thu phí theo bản thay vì theo trang (phí tính theo trang, có mức tối đa mỗi bản).',
    ],
    copies: [
      'Bản cần chứng thực có thể là bản photo do người yêu cầu mang đến; nếu họ chỉ mang bản chính thì cơ quan chứng thực chụp từ bản chính.',
      'Bản chính chỉ để đối chiếu và trả lại ngay cho người yêu cầu, không giữ lại.',
    ],
    refusals: [...CERT_REFUSALS, REFUSAL_FORM],
  },
  '2.000884': {
    checks: [
      'Người yêu cầu có mặt, tự ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực.',
      'Giấy tờ tùy thân (Căn cước, Căn cước công dân hoặc Hộ chiếu) còn giá trị sử dụng, đúng người.',
      'Người yêu cầu minh mẫn, nhận thức và làm chủ được hành vi.',
      'Giấy tờ cần ký không phải là hợp đồng, giao dịch (hợp đồng, giao dịch là thủ tục chứng thực hợp đồng, trừ các trường hợp pháp luật cho phép chứng thực chữ ký).',
    ],
    mistakes: [
      'Chứng thực chữ ký đã ký sẵn từ trước, không ký trước mặt người chứng thực.',
      'Nhận giấy tờ tùy thân hết hạn hoặc ảnh không rõ.',
      'Nhầm thủ tục: văn bản là hợp đồng mua bán, tặng cho… phải chứng thực hợp đồng, giao dịch.',
    ],
    copies: ['Giấy tờ tùy thân xuất trình bản chính để đối chiếu; không cần nộp bản sao.'],
    refusals: [
      'Người yêu cầu không có mặt, không ký trước mặt người thực hiện chứng thực.',
      'Tại thời điểm chứng thực người yêu cầu không nhận thức, làm chủ được hành vi của mình.',
      'Giấy tờ tùy thân không còn giá trị hoặc không đúng người.',
      'Nội dung giấy tờ trái pháp luật, đạo đức xã hội; giấy tờ là hợp đồng, giao dịch (trừ trường hợp pháp luật cho phép).',
      REFUSAL_FORM,
    ],
  },
  '2.001008': {
    checks: [
      'Người dịch có mặt, ký trước mặt người thực hiện chứng thực.',
      'Bằng cấp ngoại ngữ của người dịch đúng thứ tiếng của bản dịch (cử nhân ngoại ngữ trở lên, hoặc tốt nghiệp đại học trở lên bằng thứ tiếng đó).',
      'Bản dịch đính kèm đủ giấy tờ, văn bản cần dịch; người dịch cam đoan dịch chính xác.',
    ],
    mistakes: [
      'Nhận bằng cấp khác thứ tiếng với bản dịch.',
      'Không kiểm tra giấy tờ cần dịch: giấy tờ bị tẩy xóa, có dấu hiệu giả hoặc nội dung trái pháp luật thì không được dịch để chứng thực.',
    ],
    copies: [
      'Bằng cấp và giấy tờ tùy thân của người dịch xuất trình bản chính (hoặc bản sao có chứng thực) để đối chiếu.',
    ],
    refusals: [
      'Người dịch không đủ tiêu chuẩn (không có bằng cấp phù hợp với thứ tiếng).',
      'Giấy tờ cần dịch thuộc trường hợp không được dịch để chứng thực (tẩy xóa, giả mạo, nội dung trái pháp luật, có dấu mật).',
      REFUSAL_FORM,
    ],
  },
  '2.001035': {
    checks: [
      'Tất cả các bên giao kết có mặt (hoặc người đại diện hợp pháp có giấy tờ chứng minh thẩm quyền).',
      'Dự thảo hợp đồng đủ nội dung; tài sản phải đăng ký thì có giấy chứng nhận quyền sở hữu, quyền sử dụng.',
      'Đối chiếu giấy tờ tùy thân của các bên, giấy chứng nhận tài sản với bản chính.',
      'Thời hạn không quá 02 ngày làm việc kể từ khi nhận đủ hồ sơ, có thể dài hơn theo thỏa thuận bằng văn bản.',
    ],
    mistakes: [
      'Một bên vắng mặt nhưng vẫn nhận hồ sơ.',
      'Không kiểm tra tài sản đang bị kê biên, ngăn chặn hoặc tranh chấp khi có thông tin.',
      'Nhầm thẩm quyền: hợp đồng về bất động sản ở địa phương khác — hỏi công chức Tư pháp về thẩm quyền trước khi hẹn.',
    ],
    copies: [
      'Giấy tờ tùy thân, giấy chứng nhận tài sản, giấy tờ đại diện nộp bản sao; xuất trình bản chính để đối chiếu.',
    ],
    refusals: [
      'Người yêu cầu không có năng lực hành vi dân sự hoặc không làm chủ được hành vi tại thời điểm chứng thực.',
      'Người đại diện không có giấy tờ chứng minh thẩm quyền.',
      'Nội dung hợp đồng trái pháp luật, đạo đức xã hội; đối tượng của hợp đồng là tài sản không được phép giao dịch.',
      REFUSAL_FORM,
    ],
  },
  '1.001193': {
    checks: [
      'Tờ khai đăng ký khai sinh đúng mẫu, ghi đủ thông tin của trẻ, cha, mẹ.',
      'Giấy chứng sinh (hoặc giấy tờ thay thế: văn bản người làm chứng, giấy cam đoan về việc sinh, biên bản trẻ bị bỏ rơi).',
      'Người đi đăng ký: cha, mẹ hoặc người thân thích; người được ủy quyền phải có văn bản ủy quyền được chứng thực (trừ ông, bà, anh chị em ruột… theo quy định về ủy quyền trong hộ tịch).',
      'Tra cứu Cơ sở dữ liệu quốc gia về dân cư để khai thác thông tin cha, mẹ; không yêu cầu nộp giấy tờ mà cơ sở dữ liệu đã có.',
      'Nhận sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.',
    ],
    mistakes: [
      'Từ chối vì “đăng ký quá hạn” — đăng ký khai sinh quá hạn vẫn phải tiếp nhận (có thể thu lệ phí theo quy định của tỉnh).',
      'Yêu cầu thêm giấy tờ không có trong thành phần hồ sơ đã công bố (ví dụ sổ hộ khẩu).',
      'Ghi họ, chữ đệm, tên của trẻ khác với tờ khai; không cho người dân đọc lại trước khi ký.',
    ],
    copies: [
      'Giấy chứng sinh nộp bản chính.',
      'Giấy tờ tùy thân, giấy tờ chứng minh quan hệ chỉ xuất trình để đối chiếu.',
      'Văn bản ủy quyền phải được chứng thực.',
    ],
    refusals: [
      'Người đi đăng ký không có quyền yêu cầu (không phải cha, mẹ, người thân thích, người được ủy quyền hợp lệ).',
      'Trẻ đã được đăng ký khai sinh (kiểm tra cơ sở dữ liệu hộ tịch) — hướng dẫn thủ tục cấp bản sao trích lục hoặc đăng ký lại nếu phù hợp.',
      ONE_TIME_GUIDANCE,
      REFUSAL_FORM,
    ],
  },
  '1.000894': {
    checks: [
      'HAI BÊN nam, nữ cùng có mặt khi đăng ký và ký vào Giấy chứng nhận kết hôn.',
      'Điều kiện kết hôn: nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện; không mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn.',
      'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi không phải nơi cư trú của một bên) còn thời hạn sử dụng và ghi đúng mục đích kết hôn với người dự định.',
      'Người đã ly hôn ở nước ngoài phải có trích lục ghi chú ly hôn.',
      'Cần xác minh thì thời hạn không quá 05 ngày làm việc; không cần thì giải quyết ngay khi nhận đủ hồ sơ.',
    ],
    mistakes: [
      'Nhận Giấy xác nhận tình trạng hôn nhân đã hết hạn hoặc ghi mục đích khác.',
      'Cho một bên ký thay bên kia.',
      'Không tra cứu cơ sở dữ liệu hộ tịch, dân cư về tình trạng hôn nhân khi có thể khai thác.',
    ],
    copies: [
      'Tờ khai và Giấy xác nhận tình trạng hôn nhân nộp bản chính.',
      'Giấy tờ tùy thân xuất trình để đối chiếu.',
    ],
    refusals: [
      'Một bên chưa đủ tuổi kết hôn, không tự nguyện, hoặc mất năng lực hành vi dân sự.',
      'Thuộc trường hợp cấm kết hôn: đang có vợ hoặc có chồng; giữa những người cùng dòng máu trực hệ hoặc trong phạm vi ba đời; kết hôn giả tạo; và các trường hợp cấm khác theo Luật Hôn nhân và gia đình.',
      'Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính: không đăng ký.',
      REFUSAL_FORM,
      'Hồ sơ hộ tịch: báo cáo Lãnh đạo Trung tâm trước khi thông báo từ chối.',
    ],
  },
  '1.000656': {
    checks: [
      'Tờ khai khai tử đúng mẫu.',
      'Giấy báo tử hoặc giấy tờ thay thế do cơ quan có thẩm quyền cấp (bệnh viện, công an, tòa án… tùy trường hợp).',
      'Người đi khai tử là người thân thích hoặc người có trách nhiệm; người được ủy quyền có văn bản ủy quyền được chứng thực.',
      'Thời hạn đi đăng ký khai tử là 15 ngày kể từ ngày chết; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.',
      'Gợi ý người dân thực hiện liên thông khai tử – xóa đăng ký thường trú – trợ cấp mai táng nếu thuộc đối tượng.',
    ],
    mistakes: [
      'Từ chối vì quá 15 ngày — khai tử quá hạn vẫn tiếp nhận.',
      'Ghi sai ngày, giờ, nơi chết so với Giấy báo tử.',
    ],
    copies: ['Giấy báo tử nộp bản chính.', 'Văn bản ủy quyền phải được chứng thực.'],
    refusals: [
      'Người chết đã được đăng ký khai tử (kiểm tra cơ sở dữ liệu hộ tịch).',
      'Không có Giấy báo tử hoặc giấy tờ thay thế hợp lệ và không thể bổ sung — trước hết hướng dẫn bổ sung một lần.',
      REFUSAL_FORM,
    ],
  },
  '1.004873': {
    checks: [
      'Tờ khai ghi rõ MỤC ĐÍCH sử dụng (kết hôn thì ghi rõ họ tên, năm sinh, quốc tịch, giấy tờ của người dự định kết hôn, nơi dự định đăng ký).',
      'Người đã từng kết hôn: giấy tờ chứng minh hôn nhân trước đã chấm dứt (bản án, quyết định ly hôn có hiệu lực hoặc trích lục khai tử của vợ/chồng).',
      'Người xin cấp lại để dùng vào mục đích khác, hoặc giấy cũ hết hạn: nộp lại giấy đã cấp trước đây.',
      'Thời hạn 03 ngày làm việc; cần xác minh thì lâu hơn — ghi rõ lý do khi hẹn.',
    ],
    mistakes: [
      'Cấp giấy không ghi mục đích, hoặc ghi chung “để bổ sung hồ sơ”.',
      'Không thu lại giấy xác nhận cũ khi cấp lại.',
    ],
    copies: [
      'Giấy tờ chứng minh hôn nhân đã chấm dứt: bản sao hoặc xuất trình bản chính để đối chiếu.',
      'Giấy xác nhận đã cấp trước đây: nộp bản chính.',
    ],
    refusals: [
      'Người yêu cầu đang có vợ hoặc có chồng mà xin xác nhận để kết hôn.',
      'Người yêu cầu không cư trú tại xã (Giấy xác nhận do UBND cấp xã nơi thường trú, tạm trú cấp) — hướng dẫn đúng nơi cấp.',
      REFUSAL_FORM,
    ],
  },
  '2.000635': {
    checks: [
      'Tờ khai (hoặc văn bản yêu cầu của cơ quan, tổ chức) ghi rõ việc hộ tịch cần cấp bản sao.',
      'Việc hộ tịch đã được đăng ký tại xã (hoặc có trong cơ sở dữ liệu hộ tịch điện tử).',
      'Người yêu cầu là người có quyền yêu cầu; ủy quyền phải có văn bản được chứng thực.',
      'Trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.',
    ],
    mistakes: ['Cấp bản sao cho người không có quyền yêu cầu.', 'Thu lệ phí sai số bản.'],
    copies: ['Văn bản ủy quyền phải được chứng thực.'],
    refusals: [
      'Không tìm thấy việc hộ tịch trong sổ và cơ sở dữ liệu — hướng dẫn thủ tục đăng ký lại nếu phù hợp.',
      'Người yêu cầu không có quyền yêu cầu cấp bản sao trích lục.',
      REFUSAL_FORM,
    ],
  },
  '1.004859': {
    checks: [
      'Tờ khai đúng mẫu, nêu rõ nội dung thay đổi, cải chính, bổ sung và lý do.',
      'Giấy tờ làm căn cứ chứng minh nội dung yêu cầu (ví dụ: giấy tờ có thông tin đúng được cấp trước).',
      'Người yêu cầu thay đổi họ, tên cho người từ đủ 9 tuổi trở lên phải có sự đồng ý của người đó.',
      'Thời hạn 03 ngày làm việc; cần xác minh thì kéo dài theo quy định.',
    ],
    mistakes: [
      'Nhầm giữa “cải chính” (sửa sai sót khi đăng ký) và “thay đổi” (đổi thông tin đúng thành thông tin mới).',
      'Không kiểm tra thẩm quyền: một số việc thay đổi, cải chính thuộc cơ quan khác — hỏi công chức Tư pháp – hộ tịch.',
    ],
    copies: ['Giấy tờ làm căn cứ: bản sao hoặc xuất trình bản chính để đối chiếu.'],
    refusals: [
      'Không có căn cứ chứng minh sai sót hoặc lý do thay đổi hợp pháp.',
      'Yêu cầu thay đổi nhằm trốn tránh nghĩa vụ, gây nhầm lẫn hoặc trái pháp luật.',
      REFUSAL_FORM,
    ],
  },
  '1.004884': {
    checks: [
      'Việc khai sinh đã đăng ký trước đây nhưng sổ hộ tịch và bản chính giấy khai sinh đều bị mất, hư hỏng.',
      'Bản sao giấy khai sinh hoặc giấy tờ, tài liệu có nội dung khai sinh (văn bằng, hồ sơ học tập, hồ sơ công chức, giấy tờ cư trú…).',
      'Người yêu cầu cam đoan đã đăng ký khai sinh nhưng không lưu được bản chính.',
      'Thời hạn 05 ngày làm việc; cần xác minh thì không quá 10 ngày làm việc.',
    ],
    mistakes: ['Nhận đăng ký lại khi sổ hộ tịch vẫn còn lưu — khi đó cấp bản sao trích lục.'],
    copies: ['Giấy tờ có nội dung khai sinh: bản sao hoặc bản chụp; xuất trình bản chính nếu có.'],
    refusals: [
      'Sổ hộ tịch còn lưu việc khai sinh (hướng dẫn cấp bản sao trích lục).',
      'Không có giấy tờ, tài liệu nào làm căn cứ và không xác minh được.',
      REFUSAL_FORM,
    ],
  },
  '1.001612': {
    checks: [
      'Giấy đề nghị đăng ký hộ kinh doanh đủ thông tin: tên hộ kinh doanh, địa điểm, ngành nghề, vốn, thông tin chủ hộ.',
      'Tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi quản lý.',
      'Ngành nghề không thuộc ngành nghề cấm kinh doanh.',
      'Các thành viên hộ gia đình cùng đăng ký: có biên bản họp và văn bản ủy quyền cho chủ hộ (bản sao).',
      'Thời hạn 03 ngày làm việc.',
    ],
    mistakes: [
      'Không kiểm tra trùng tên.',
      'Yêu cầu giấy tờ chứng minh địa điểm kinh doanh khi quy định không đòi hỏi.',
    ],
    copies: [
      'Biên bản họp thành viên, văn bản ủy quyền, giấy tờ pháp lý cá nhân: nộp bản sao.',
      'Giấy đề nghị: bản chính.',
    ],
    refusals: [
      'Ngành nghề thuộc danh mục cấm kinh doanh.',
      'Tên hộ kinh doanh trùng tên đã đăng ký, vi phạm quy định đặt tên.',
      'Người đăng ký thuộc trường hợp không được thành lập hộ kinh doanh theo quy định về đăng ký hộ kinh doanh.',
      REFUSAL_FORM,
    ],
  },
};

/** Refusal rules that hold for every procedure (used for procedures without their own guide). */
export const GENERAL_REFUSALS = [
  'Chỉ từ chối khi hồ sơ không thể bổ sung, hoàn thiện được hoặc yêu cầu không thuộc trường hợp được giải quyết; ghi lý do bằng căn cứ cụ thể theo thủ tục đã công bố.',
  ONE_TIME_GUIDANCE,
  BOUNDARY_FREE,
  REFUSAL_FORM,
];

export const GENERAL_CHECKS = [
  'Đối chiếu thành phần hồ sơ với danh mục đã công bố của thủ tục (bên trái): đủ, đúng mẫu, thống nhất thông tin giữa các giấy tờ.',
  'Đối chiếu giấy tờ tùy thân với người nộp; người được ủy quyền phải có văn bản ủy quyền hợp lệ.',
  'Không yêu cầu nộp giấy tờ mà cơ sở dữ liệu quốc gia đã có hoặc không có trong thành phần hồ sơ đã công bố.',
];

export const GENERAL_MISTAKES = [
  'Hướng dẫn bổ sung nhiều lần — mọi thiếu sót phải ghi đủ trong một Phiếu yêu cầu bổ sung.',
  'Quên số hóa giấy tờ đã tiếp nhận.',
];

export const STEP_GUIDES: Record<StepKey, StepGuideBody> = {
  intake: {
    who: 'Cán bộ tiếp nhận (Bộ phận Một cửa)',
    todo: [
      'Kiểm tra tính chính xác, đầy đủ, thống nhất, hợp lệ của hồ sơ theo hướng dẫn tiếp nhận của thủ tục.',
      'Đủ: tiếp nhận, cấp mã hồ sơ, in Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ghi Sổ theo dõi hồ sơ, số hóa giấy tờ.',
      'Thiếu nhưng bổ sung được: lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (ghi đủ một lần).',
      'Không đủ điều kiện: lập Phiếu từ chối tiếp nhận, ghi rõ lý do.',
    ],
    deadline: 'Ngay khi người dân nộp; hồ sơ nộp trực tuyến xử lý trong ngày làm việc.',
  },
  transfer: {
    who: 'Cán bộ tiếp nhận',
    todo: [
      'Chuyển hồ sơ và Phiếu kiểm soát quá trình giải quyết hồ sơ đến bộ phận, cơ quan có thẩm quyền.',
      'Hồ sơ giấy: chuyển trong ngày; nhận sau 15 giờ thì chuyển đầu giờ ngày làm việc tiếp theo.',
    ],
    deadline: 'Trong ngày tiếp nhận (sau 15 giờ: đầu ngày làm việc tiếp theo).',
  },
  appraise: {
    who: 'Công chức chuyên môn được phân công',
    todo: [
      'Thẩm định, xác minh hồ sơ; khai thác cơ sở dữ liệu dân cư, hộ tịch khi cần.',
      'Cần thêm giấy tờ: đề nghị bổ sung MỘT LẦN qua Bộ phận Một cửa (thời gian chờ bổ sung không tính vào thời hạn; yêu cầu bổ sung lần thứ hai bị tính là trễ hạn).',
      'Không đủ điều kiện: đề xuất dừng giải quyết, có văn bản nêu lý do.',
      'Đủ điều kiện: dự thảo kết quả, trình lãnh đạo.',
      'Có nguy cơ trễ hạn: lập Phiếu xin lỗi và hẹn lại ngày trả kết quả trước khi hết hạn.',
    ],
    deadline: 'Trong thời hạn của bước thẩm định (xem hạn bước bên dưới).',
  },
  approve: {
    who: 'Lãnh đạo phòng chuyên môn',
    todo: [
      'Xem xét dự thảo kết quả và hồ sơ; đồng ý thì trình ký, chưa đạt thì trả lại bước thẩm định kèm ý kiến.',
    ],
    deadline: 'Trong thời hạn của bước phê duyệt.',
  },
  sign: {
    who: 'Lãnh đạo UBND xã (người có thẩm quyền ký)',
    todo: [
      'Ký kết quả; văn thư vào số, đóng dấu, phát hành.',
      'Đính kèm tệp kết quả điện tử vào hồ sơ và chuyển kết quả về Bộ phận Một cửa.',
    ],
    deadline: 'Trong thời hạn của bước ký, trước ngày hẹn trả.',
  },
  supplement: {
    who: 'Cán bộ tiếp nhận',
    todo: [
      'Thông báo cho người dân nội dung cần bổ sung (Phiếu yêu cầu bổ sung) và cách nộp.',
      'Khi người dân nộp đủ: ghi nhận “đã bổ sung” để hồ sơ tiếp tục; ngày hẹn trả lùi tương ứng thời gian chờ.',
    ],
    deadline:
      'Thông báo ngay trong ngày nhận đề nghị bổ sung; thời gian chờ người dân không tính vào thời hạn.',
  },
  payment: {
    who: 'Cán bộ tiếp nhận',
    todo: [
      'Thông báo khoản phí, lệ phí, nghĩa vụ tài chính; khi người dân nộp xong, ghi nhận đã nộp và cấp biên lai.',
    ],
    deadline: 'Ngay khi có thông báo nghĩa vụ tài chính.',
  },
  return: {
    who: 'Cán bộ tiếp nhận, trả kết quả',
    todo: [
      'Kiểm tra giấy tờ tùy thân hoặc giấy hẹn của người nhận; người nhận thay phải có văn bản ủy quyền.',
      'Trả kết quả, thu phí, lệ phí (nếu có), ghi vào Sổ theo dõi hồ sơ và mời người dân đánh giá mức độ hài lòng.',
      'Nhận qua bưu chính: bàn giao cho nhân viên bưu chính, ghi nhận ngày bàn giao.',
    ],
    deadline: 'Đúng ngày hẹn trả; có kết quả sớm thì báo người dân đến nhận sớm.',
  },
  overdue: {
    who: 'Công chức xử lý dự thảo, lãnh đạo ký',
    todo: [
      'Lập văn bản xin lỗi và hẹn lại ngày trả kết quả, nêu rõ lý do trễ và ngày hẹn mới; chỉ hẹn lại một lần.',
      'Gửi cho người dân qua Bộ phận Một cửa (hoặc tin nhắn, thư điện tử với hồ sơ trực tuyến).',
    ],
    deadline: 'Chậm nhất 01 ngày làm việc trước ngày hẹn trả.',
  },
};
